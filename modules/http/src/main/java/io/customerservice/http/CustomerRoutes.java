package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.web.JsonBody;
import io.customerservice.web.Responses;
import io.customerservice.web.BusClient;
import static io.customerservice.contract.Addresses.*;

import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.CustomerValidation;
import io.customerservice.contract.customer.CustomerField;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.customer.Uuids;
import java.util.Set;
import java.util.UUID;

/**
 * The seed's customer endpoints. Self-service routes act on the token's own user, never on an id
 * from the request; staff routes act on the customer named in the path. Every handler turns the
 * request into one event-bus request (reads share theirs, see {@link CustomerReads}) and the reply
 * into the seed's CustomerWithUserData.
 */
final class CustomerRoutes {

  private final BusClient bus;
  private final CustomerReads reads;
  private final CustomerViews views;
  private final Pagination pages;
  private final PagedRequests paged;

  CustomerRoutes(BusClient bus, CustomerReads reads, CustomerViews views, Pagination pages) {
    this.bus = bus;
    this.paged = new PagedRequests(bus);
    this.reads = reads;
    this.views = views;
    this.pages = pages;
  }

  /** Self-service routes first: "profile" must not be taken for a customer id. */
  void mountCustomerRoutes(GuardedRoutes routes) {
    routes.customer(HttpMethod.POST, "/profile/create/", this::createProfile);
    routes.customer(HttpMethod.GET, "/profile/", this::getProfile);
    routes.customer(HttpMethod.PATCH, "/profile/update/", ctx -> updateProfile(ctx, CustomerValidation.Mode.PARTIAL));
    routes.customer(HttpMethod.PUT, "/profile/update/", ctx -> updateProfile(ctx, CustomerValidation.Mode.COMPLETE));
    routes.customer(HttpMethod.DELETE, "/profile/delete/", this::deleteProfile);
    routes.anyRole(HttpMethod.POST, "/check_profile_exists/", this::checkProfileExists);
  }

  void mountStaffRoutes(GuardedRoutes routes) {
    routes.staff(HttpMethod.GET, "/", this::list);
    routes.staff(HttpMethod.GET, "/:id/", this::getOne);
    routes.staff(HttpMethod.PATCH, "/:id/", ctx -> updateOne(ctx, CustomerValidation.Mode.PARTIAL));
    routes.staff(HttpMethod.PUT, "/:id/", ctx -> updateOne(ctx, CustomerValidation.Mode.COMPLETE));
    routes.staff(HttpMethod.DELETE, "/:id/", this::deleteOne);
  }

  // Self-service: the customer is always the token's user.

  private void createProfile(RoutingContext ctx) {
    AuthenticatedUser user = AuthenticatedUser.of(ctx);
    JsonObject profile = CustomerValidation.validate(JsonBody.of(ctx), CustomerValidation.Mode.COMPLETE, CustomerValidation.OWNER);
    views.self(bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user.userId(), profile), ctx), ctx).onComplete(view -> {
      ctx.response().putHeader(HttpHeaders.LOCATION, GuardedRoutes.BASE + "/" + view.getString(CustomerKey.ID) + "/");
      CustomerViews.respond(ctx, 201, view);
    }, ctx::fail);
  }

  private void getProfile(RoutingContext ctx) {
    AuthenticatedUser user = AuthenticatedUser.of(ctx);
    views.self(reads.find(CustomerKey.ofUser(user.userId())), ctx)
        .onComplete(view -> CustomerViews.respond(ctx, 200, view), ctx::fail);
  }

  private void updateProfile(RoutingContext ctx, CustomerValidation.Mode mode) {
    AuthenticatedUser user = AuthenticatedUser.of(ctx);
    views.self(update(ctx, CustomerKey.ofUser(user.userId()), mode, CustomerValidation.OWNER), ctx)
        .onComplete(view -> CustomerViews.respond(ctx, 200, view), ctx::fail);
  }

  private void deleteProfile(RoutingContext ctx) {
    delete(ctx, CustomerKey.ofUser(AuthenticatedUser.of(ctx).userId()));
  }

  /** For the caller, or, with {@code user_id}, for that user: staff may name anyone, a customer only themselves. */
  private void checkProfileExists(RoutingContext ctx) {
    AuthenticatedUser caller = AuthenticatedUser.of(ctx);
    UUID user = askedAbout(JsonBody.of(ctx), caller);
    if (!user.equals(caller.userId()) && !RoleCheck.STAFF.allows(caller)) {
      throw HttpProblem.forbidden();
    }
    bus.request(CUSTOMERS_PROFILE_EXISTS, CustomerMessages.exists(user), ctx)
        .onComplete(reply -> Responses.json(ctx, 200, reply), ctx::fail);
  }

  private static UUID askedAbout(JsonObject body, AuthenticatedUser caller) {
    for (String name : body.fieldNames()) {
      if (!name.equals(CustomerKey.USER_ID)) {
        throw HttpProblem.invalid(name, "This field is not allowed: the only field is user_id.");
      }
    }
    if (body.getValue(CustomerKey.USER_ID) == null) {
      return caller.userId();
    }
    FieldErrors errors = new FieldErrors();
    UUID named = Uuids.parse(body, CustomerKey.USER_ID, errors);
    errors.throwIfAny();
    return named;
  }

  // Staff: any customer, by the id in the path.

  private void list(RoutingContext ctx) {
    paged.request(CUSTOMERS_PROFILE_LIST, ListParameters.toRequest(ctx.queryParams()), ctx)
        .compose(page -> views.staff(page.getJsonArray(CustomerMessages.RESULTS), ctx).map(rows -> pages.page(ctx, page, rows)))
        .onComplete(page -> Responses.json(ctx, 200, page), ctx::fail);
  }

  private void getOne(RoutingContext ctx) {
    reads.find(CustomerKey.ofId(CustomerViews.pathId(ctx)))
        .compose(customer -> views.staff(customer, ctx))
        .onComplete(view -> CustomerViews.respond(ctx, 200, view), ctx::fail);
  }

  private void updateOne(RoutingContext ctx, CustomerValidation.Mode mode) {
    update(ctx, CustomerKey.ofId(CustomerViews.pathId(ctx)), mode, CustomerValidation.ANY_WRITER)
        .compose(customer -> views.staff(customer, ctx))
        .onComplete(view -> CustomerViews.respond(ctx, 200, view), ctx::fail);
  }

  private void deleteOne(RoutingContext ctx) {
    delete(ctx, CustomerKey.ofId(CustomerViews.pathId(ctx)));
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
}
