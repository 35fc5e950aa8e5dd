package io.customerservice.http;

import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.ListQuery;
import io.customerservice.web.BusClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A page request to a list address, with Django REST framework's {@code page=last} resolved: the
 * first page tells the count, and the last page is then asked for by its number, so the store
 * knows only numbered pages and the links of the answer carry numbers, as DRF's do.
 */
final class PagedRequests {

  private final BusClient bus;

  PagedRequests(BusClient bus) {
    this.bus = bus;
  }

  Future<JsonObject> request(String address, JsonObject request, RoutingContext ctx) {
    if (!ListParameters.wantsLastPage(ctx.queryParams())) {
      return bus.request(address, request, ctx);
    }
    return bus.request(address, request.copy().put(ListQuery.PAGE, 1), ctx).compose(first -> {
      long count = first.getLong(CustomerMessages.COUNT);
      int size = first.getInteger(ListQuery.PAGE_SIZE);
      long last = Math.max(1, (count + size - 1) / size);
      return last == 1 ? Future.succeededFuture(first) : bus.request(address, request.copy().put(ListQuery.PAGE, last), ctx);
    });
  }
}
