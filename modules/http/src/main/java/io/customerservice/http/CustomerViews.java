package io.customerservice.http;

import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.Uuids;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** The seed's CustomerWithUserData answers, the ETag that goes with them, and the customer id of a staff path. */
final class CustomerViews {

  private static final String ID = "id";

  private CustomerViews() {
  }

  /** For the customer themselves: the user data comes from their token. */
  static JsonObject self(JsonObject customer, AuthenticatedUser user) {
    return customer.copy().put("user", user.toUserJson());
  }

  /** For staff: the customer's user id; their user data lives in the authentication service. */
  static JsonObject staff(JsonObject customer) {
    return customer.copy().put("user", new JsonObject().put("id", customer.getString(CustomerKey.USER_ID)));
  }

  static void respond(RoutingContext ctx, int status, JsonObject customer, JsonObject view) {
    ctx.response().putHeader(HttpHeaders.ETAG, ETags.of(customer));
    Responses.json(ctx, status, view);
  }

  /** The customer named by {@code :id}; a path id that is not a UUID names no customer (404). */
  static UUID pathId(RoutingContext ctx) {
    String id = ctx.pathParam(ID);
    return Uuids.parse(id).orElseThrow(() ->
        new HttpProblem(404, "Not found: \"" + abbreviated(id) + "\" is not a valid customer id (a UUID)."));
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
