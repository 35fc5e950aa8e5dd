package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.web.Responses;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.Uuids;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.customerservice.contract.customer.CustomerField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The seed's CustomerWithUserDataSerializer: the customer with the user's {@code email},
 * {@code first_name}, {@code last_name} and {@code phone_number} from the authentication service
 * as read-only top-level fields, and {@code user_data_complete}, false when that data could not be
 * had fresh (then the token's data, or the last known copy, stands in; what nobody knows is null).
 * Empty optional text is {@code ""}, as Django's {@code CharField(blank=True)} gives it. Also the
 * ETag that goes with a customer, and the customer id of a staff path.
 */
final class CustomerViews {

  static final String COMPLETE = "user_data_complete";
  /** The user's fields a representation carries; the user's id is the customer's {@code user_id} already. */
  static final List<String> USER_FIELDS = List.of("email", "first_name", "last_name", "phone_number");
  private static final List<String> BLANK_TEXT = CustomerField.writableFields().stream()
      .filter(field -> !field.required() && (field.kind() == CustomerField.Kind.TEXT || field.kind() == CustomerField.Kind.PHONE))
      .map(CustomerField::json).toList();
  private static final String ID = "id";

  private final UserDirectory directory;

  CustomerViews(UserDirectory directory) {
    this.directory = directory;
  }

  /** For the customer themselves; the user lookup starts at once, beside the customer's read. */
  Future<JsonObject> self(Future<JsonObject> customer, RoutingContext ctx) {
    AuthenticatedUser caller = AuthenticatedUser.of(ctx);
    Future<JsonObject> account = directory.user(caller.userId(), ctx);
    return customer.compose(found -> account.map(answer -> merged(found, answer, caller.toUserJson())));
  }

  /** For staff, about any customer. */
  Future<JsonObject> staff(JsonObject customer, RoutingContext ctx) {
    return directory.user(UUID.fromString(customer.getString(CustomerKey.USER_ID)), ctx)
        .map(answer -> merged(customer, answer, null));
  }

  /** For staff, a list page: every row's user in one request. */
  Future<JsonArray> staff(JsonArray customers, RoutingContext ctx) {
    Set<UUID> ids = new LinkedHashSet<>();
    customers.forEach(c -> ids.add(UUID.fromString(((JsonObject) c).getString(CustomerKey.USER_ID))));
    return directory.users(ids, ctx).map(answer -> {
      JsonObject users = answer.getJsonObject(AuthMessages.USERS);
      JsonArray rows = new JsonArray();
      for (Object row : customers) {
        JsonObject customer = (JsonObject) row;
        JsonObject user = users.getJsonObject(customer.getString(CustomerKey.USER_ID));
        rows.add(view(customer, user, user != null && answer.getBoolean(AuthMessages.COMPLETE)));
      }
      return rows;
    });
  }

  static void respond(RoutingContext ctx, int status, JsonObject view) {
    ctx.response().putHeader(HttpHeaders.ETAG, ETags.of(view));
    Responses.json(ctx, status, view);
  }

  /** The customer named by {@code :id}; a path id that is not a UUID names no customer (404). */
  static UUID pathId(RoutingContext ctx) {
    String id = ctx.pathParam(ID);
    return Uuids.parse(id).orElseThrow(() ->
        new HttpProblem(404, "Not found: \"" + abbreviated(id) + "\" is not a valid customer id (a UUID)."));
  }

  /**
   * Extends the customer in place: it is this request's own (the event bus gives each receiver
   * its own copy of a message), and a second copy per read showed in the profile.
   */
  private static JsonObject merged(JsonObject customer, JsonObject answer, JsonObject fallback) {
    boolean have = answer != null;
    return view(customer, have ? answer.getJsonObject(AuthMessages.USER) : fallback, have && !answer.getBoolean(AuthMessages.STALE));
  }

  /** {@code user} null: nothing is known of the user. */
  private static JsonObject view(JsonObject customer, JsonObject user, boolean complete) {
    for (String blank : BLANK_TEXT) {
      if (customer.getValue(blank) == null) {
        customer.put(blank, "");
      }
    }
    for (String field : USER_FIELDS) {
      customer.put(field, user == null ? null : user.getValue(field));
    }
    return customer.put(COMPLETE, complete);
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
