package io.customerservice.contract;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Checks of a JSON request's members that every operation reading one shares. */
public final class RequestMembers {

  private RequestMembers() {
  }

  /** A {@code message} for each member of {@code json} that is not one of {@code allowed}. */
  public static FieldErrors onlyAllowed(JsonObject json, Set<String> allowed, String message) {
    FieldErrors errors = new FieldErrors();
    json.fieldNames().stream().filter(name -> !allowed.contains(name)).forEach(name -> errors.add(name, message));
    return errors;
  }

  /** The positive integer in {@code json[key]}, null when absent; anything else adds an error. */
  public static Integer positiveInteger(JsonObject json, String key, FieldErrors errors) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 1
        && ((Number) value).longValue() <= Integer.MAX_VALUE) {
      return ((Number) value).intValue();
    }
    errors.add(key, "A positive integer is required.");
    return null;
  }
}
