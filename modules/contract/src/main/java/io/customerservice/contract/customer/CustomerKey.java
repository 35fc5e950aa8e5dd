package io.customerservice.contract.customer;

import io.customerservice.contract.FieldErrors;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;

/**
 * Which customer a request is about: exactly one of {@code id} (the customer id) or
 * {@code user_id} (the authentication service's user id).
 */
public record CustomerKey(UUID id, UUID userId) {

  public static final String ID = "id";
  public static final String USER_ID = "user_id";

  public static CustomerKey ofId(UUID id) {
    return new CustomerKey(id, null);
  }

  public static CustomerKey ofUser(UUID userId) {
    return new CustomerKey(null, userId);
  }

  public boolean byUser() {
    return userId != null;
  }

  /** Reads the key of a request, adding to {@code errors} when it is missing, doubled or not a UUID. */
  public static CustomerKey from(JsonObject request, FieldErrors errors) {
    boolean hasId = request.getValue(ID) != null;
    boolean hasUser = request.getValue(USER_ID) != null;
    if (hasId == hasUser) {
      errors.add(FieldErrors.NON_FIELD_ERRORS, "Give exactly one of \"id\" and \"user_id\".");
      return null;
    }
    return hasId ? ofId(Uuids.parse(request, ID, errors)) : ofUser(Uuids.parse(request, USER_ID, errors));
  }

  /** The key as one named value, {@code id} or {@code user_id} to its UUID: a statement's parameters. */
  public Map<String, Object> asValues() {
    return byUser() ? Map.of(USER_ID, userId) : Map.of(ID, id);
  }

  public JsonObject toJson() {
    return byUser() ? new JsonObject().put(USER_ID, userId.toString()) : new JsonObject().put(ID, id.toString());
  }

  @Override
  public String toString() {
    return byUser() ? "user " + userId : "customer " + id;
  }
}
