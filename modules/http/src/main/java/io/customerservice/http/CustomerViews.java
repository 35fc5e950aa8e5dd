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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The seed's CustomerWithUserData: the customer, a read-only {@code user} object with the user's
 * data from the authentication service, and {@code user_data_complete}, false when that data
 * could not be had fresh (then the token's data, or the last known copy, stands in). Also the
 * ETag that goes with a customer, and the customer id of a staff path.
 */
final class CustomerViews {

  static final String USER = "user";
  static final String COMPLETE = "user_data_complete";
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
        .map(answer -> merged(customer, answer, idOnly(customer)));
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
        rows.add(customer
            .put(USER, user != null ? user : idOnly(customer))
            .put(COMPLETE, user != null && answer.getBoolean(AuthMessages.COMPLETE)));
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
    return customer
        .put(USER, have ? answer.getJsonObject(AuthMessages.USER) : fallback)
        .put(COMPLETE, have && !answer.getBoolean(AuthMessages.STALE));
  }

  private static JsonObject idOnly(JsonObject customer) {
    return new JsonObject().put(ID, customer.getString(CustomerKey.USER_ID));
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
