package io.customerservice.http;

import static io.customerservice.contract.Addresses.*;

import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.CustomerValidation;
import io.customerservice.contract.customer.Uuids;
import io.customerservice.contract.customer.CustomerField;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;

/**
 * The seed's customer endpoints. Self-service routes act on the token's own user, never on an id
 * from the request; staff routes act on the customer named in the path. Every handler turns the
 * request into one event-bus request and the reply into the seed's CustomerWithUserData.
 */
final class CustomerRoutes {

  static final String BASE = "/api/v1/customers";
  private static final String ID = "id";

  private final BusClient bus;
  private final Handler<RoutingContext> authenticate;

  CustomerRoutes(BusClient bus, Handler<RoutingContext> authenticate) {
    this.bus = bus;
    this.authenticate = authenticate;
  }

  void mount(Router router) {
    self(router, HttpMethod.POST, "/profile/create/", this::createProfile);
    self(router, HttpMethod.GET, "/profile/", this::getProfile);
    self(router, HttpMethod.PATCH, "/profile/update/", ctx -> updateProfile(ctx, CustomerValidation.Mode.PARTIAL));
    self(router, HttpMethod.PUT, "/profile/update/", ctx -> updateProfile(ctx, CustomerValidation.Mode.COMPLETE));
    self(router, HttpMethod.DELETE, "/profile/delete/", this::deleteProfile);
    self(router, HttpMethod.POST, "/check_profile_exists/", this::checkProfileExists);

    staff(router, HttpMethod.GET, "/", this::list);
    staff(router, HttpMethod.GET, "/:id/", this::getOne);
    staff(router, HttpMethod.PATCH, "/:id/", ctx -> updateOne(ctx, CustomerValidation.Mode.PARTIAL));
    staff(router, HttpMethod.PUT, "/:id/", ctx -> updateOne(ctx, CustomerValidation.Mode.COMPLETE));
    staff(router, HttpMethod.DELETE, "/:id/", this::deleteOne);
  }

  private void self(Router router, HttpMethod method, String path, Handler<RoutingContext> handler) {
    router.route(method, withoutTrailingSlash(BASE + path)).handler(authenticate).handler(RoleCheck.CUSTOMERS).handler(handler);
  }

  private void staff(Router router, HttpMethod method, String path, Handler<RoutingContext> handler) {
    router.route(method, withoutTrailingSlash(BASE + path)).handler(authenticate).handler(RoleCheck.STAFF).handler(handler);
  }

  // Self-service: the customer is always the token's user.

  private void createProfile(RoutingContext ctx) {
    AuthenticatedUser user = AuthenticatedUser.of(ctx);
    JsonObject profile = CustomerValidation.validate(JsonBody.of(ctx), CustomerValidation.Mode.COMPLETE, CustomerValidation.OWNER);
    bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user.userId(), profile), ctx).onComplete(customer -> {
      ctx.response().putHeader(HttpHeaders.LOCATION, BASE + "/" + customer.getString(CustomerKey.ID) + "/");
      respond(ctx, 201, customer, selfView(customer, user));
    }, ctx::fail);
  }

  private void getProfile(RoutingContext ctx) {
    AuthenticatedUser user = AuthenticatedUser.of(ctx);
    bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user.userId())), ctx)
        .onComplete(customer -> respond(ctx, 200, customer, selfView(customer, user)), ctx::fail);
  }

  private void updateProfile(RoutingContext ctx, CustomerValidation.Mode mode) {
    AuthenticatedUser user = AuthenticatedUser.of(ctx);
    update(ctx, CustomerKey.ofUser(user.userId()), mode, CustomerValidation.OWNER)
        .onComplete(customer -> respond(ctx, 200, customer, selfView(customer, user)), ctx::fail);
  }

  private void deleteProfile(RoutingContext ctx) {
    delete(ctx, CustomerKey.ofUser(AuthenticatedUser.of(ctx).userId()));
  }

  private void checkProfileExists(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    if (!body.isEmpty()) {
      throw HttpProblem.invalid(body.fieldNames().iterator().next(), "This endpoint takes no fields: it answers for the token's user.");
    }
    bus.request(CUSTOMERS_PROFILE_EXISTS, CustomerMessages.exists(AuthenticatedUser.of(ctx).userId()), ctx)
        .onComplete(reply -> Responses.json(ctx, 200, reply), ctx::fail);
  }

  // Staff: any customer, by the id in the path.

  private void list(RoutingContext ctx) {
    bus.request(CUSTOMERS_PROFILE_LIST, ListParameters.toRequest(ctx.queryParams()), ctx).onComplete(page -> {
      JsonArray results = new JsonArray();
      page.getJsonArray(CustomerMessages.RESULTS).forEach(c -> results.add(staffView((JsonObject) c)));
      Responses.json(ctx, 200, Pagination.page(ctx, page, results));
    }, ctx::fail);
  }

  private void getOne(RoutingContext ctx) {
    bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(pathKey(ctx)), ctx)
        .onComplete(customer -> respond(ctx, 200, customer, staffView(customer)), ctx::fail);
  }

  private void updateOne(RoutingContext ctx, CustomerValidation.Mode mode) {
    update(ctx, pathKey(ctx), mode, CustomerValidation.ANY_WRITER)
        .onComplete(customer -> respond(ctx, 200, customer, staffView(customer)), ctx::fail);
  }

  private void deleteOne(RoutingContext ctx) {
    delete(ctx, pathKey(ctx));
  }

  // Shared by both.

  private Future<JsonObject> update(RoutingContext ctx, CustomerKey key, CustomerValidation.Mode mode,
      Set<CustomerField.Access> writable) {
    Integer expected = ETags.expectedVersion(ctx);
    JsonObject fields = CustomerValidation.validate(JsonBody.of(ctx), mode, writable);
    JsonObject request = mode == CustomerValidation.Mode.PARTIAL
        ? CustomerMessages.update(key, fields, expected)
        : CustomerMessages.replace(key, fields, expected);
    String address = mode == CustomerValidation.Mode.PARTIAL ? CUSTOMERS_PROFILE_UPDATE : CUSTOMERS_PROFILE_REPLACE;
    return bus.request(address, request, ctx).recover(error -> Future.failedFuture(ETags.preconditionFailure(error, expected)));
  }

  private void delete(RoutingContext ctx, CustomerKey key) {
    Integer expected = ETags.expectedVersion(ctx);
    bus.request(CUSTOMERS_PROFILE_DELETE, CustomerMessages.delete(key, expected), ctx)
        .recover(error -> Future.failedFuture(ETags.preconditionFailure(error, expected)))
        .onComplete(deleted -> Responses.noContent(ctx), ctx::fail);
  }

  /** Django's paths end in "/"; a route without it matches the path with and without it. */
  private static String withoutTrailingSlash(String path) {
    return path.substring(0, path.length() - 1);
  }

  private static CustomerKey pathKey(RoutingContext ctx) {
    String id = ctx.pathParam(ID);
    UUID uuid = Uuids.parse(id).orElseThrow(() -> new HttpProblem(404, "Not found: \"" + abbreviated(id) + "\" is not a valid customer id (a UUID)."));
    return CustomerKey.ofId(uuid);
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static void respond(RoutingContext ctx, int status, JsonObject customer, JsonObject view) {
    ctx.response().putHeader(HttpHeaders.ETAG, ETags.of(customer));
    Responses.json(ctx, status, view);
  }

  /** CustomerWithUserData for the customer themselves: user data from their token. */
  private static JsonObject selfView(JsonObject customer, AuthenticatedUser user) {
    return customer.copy().put("user", user.toUserJson());
  }

  /** CustomerWithUserData for staff: the customer's user id; their user data lives in the authentication service. */
  private static JsonObject staffView(JsonObject customer) {
    return customer.copy().put("user", new JsonObject().put("id", customer.getString(CustomerKey.USER_ID)));
  }
}
