package io.customerservice.http;

import io.customerservice.web.ApiHeaders;
import io.customerservice.web.HttpProblem;
import io.customerservice.web.JsonBody;
import io.customerservice.web.Responses;
import io.customerservice.web.BusClient;
import static io.customerservice.contract.Addresses.HISTORY_SERVICE_LIST;
import static io.customerservice.contract.Addresses.HISTORY_SERVICE_RECORD;

import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.history.HistoryMessages;
import io.customerservice.contract.history.ServiceRecordRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * Service completions over HTTP: the seed's {@code increment_service} for staff, and the service
 * history for staff (any customer) and for a customer (their own).
 */
final class HistoryRoutes {

  private final BusClient bus;
  private final CustomerViews views;
  private final Pagination pages;
  private final PagedRequests paged;

  HistoryRoutes(BusClient bus, CustomerViews views, Pagination pages) {
    this.bus = bus;
    this.paged = new PagedRequests(bus);
    this.views = views;
    this.pages = pages;
  }

  void mountCustomerRoutes(GuardedRoutes routes) {
    routes.customer(HttpMethod.GET, "/profile/service_history/", ctx ->
        list(ctx, CustomerKey.ofUser(AuthenticatedUser.of(ctx).userId())));
  }

  void mountStaffRoutes(GuardedRoutes routes) {
    routes.staff(HttpMethod.POST, "/:id/increment_service/", this::incrementService);
    routes.staff(HttpMethod.GET, "/:id/service_history/", ctx -> list(ctx, CustomerKey.ofId(CustomerViews.pathId(ctx))));
  }

  /**
   * Records one completed service and answers with the customer (as the Django action did) and
   * the record. A retry with the same {@code Idempotency-Key} counts nothing and answers the same.
   */
  private void incrementService(RoutingContext ctx) {
    UUID customerId = CustomerViews.pathId(ctx);
    JsonObject body = JsonBody.of(ctx);
    for (String serverSide : new String[] {ServiceRecordRequest.CUSTOMER_ID, ServiceRecordRequest.RECORDED_BY}) {
      if (body.containsKey(serverSide)) {
        throw HttpProblem.invalid(serverSide, "This field is read-only.");
      }
    }
    String headerKey = ctx.request().getHeader(ApiHeaders.IDEMPOTENCY_KEY);
    if (headerKey != null) {
      Object bodyKey = body.getValue(ServiceRecordRequest.IDEMPOTENCY_KEY);
      if (bodyKey != null && !bodyKey.equals(headerKey)) {
        throw HttpProblem.invalid(ServiceRecordRequest.IDEMPOTENCY_KEY, "Differs from the " + ApiHeaders.IDEMPOTENCY_KEY + " header.");
      }
      body.put(ServiceRecordRequest.IDEMPOTENCY_KEY, headerKey);
    }
    AuthenticatedUser staff = AuthenticatedUser.of(ctx);
    body.put(ServiceRecordRequest.CUSTOMER_ID, customerId.toString())
        .put(ServiceRecordRequest.RECORDED_BY, staff.roleClaim() + ":" + staff.userId());
    bus.request(HISTORY_SERVICE_RECORD, body, ctx).compose(recorded ->
        views.staff(recorded.getJsonObject(HistoryMessages.CUSTOMER), ctx)
            .map(view -> {
              if (recorded.getBoolean(HistoryMessages.REPLAYED)) {
                ctx.response().putHeader(ApiHeaders.IDEMPOTENT_REPLAYED, "true");
              }
              return view.put("service_record", recorded.getJsonObject(HistoryMessages.RECORD));
            }))
        .onComplete(view -> CustomerViews.respond(ctx, 200, view), ctx::fail);
  }

  private void list(RoutingContext ctx, CustomerKey key) {
    JsonObject request = ListParameters.paging(ctx.queryParams(), key.toJson());
    paged.request(HISTORY_SERVICE_LIST, request, ctx)
        .onComplete(page -> Responses.json(ctx, 200, pages.page(ctx, page, page.getJsonArray(CustomerMessages.RESULTS))), ctx::fail);
  }
}
