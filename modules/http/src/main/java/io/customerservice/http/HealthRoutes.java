package io.customerservice.http;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerMessages;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /health/live}: the process answers HTTP. {@code /health/ready}: a request can be served
 * end to end, i.e. the event bus reaches the customer store and the store reaches its database.
 */
final class HealthRoutes {

  private static final String UP = CustomerMessages.STATUS_UP;
  private static final String DOWN = "DOWN";
  private final BusClient bus;

  HealthRoutes(BusClient bus) {
    this.bus = bus;
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", UP)));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    bus.request(Addresses.CUSTOMERS_HEALTH_CHECK, new JsonObject(), ctx).onComplete(
        up -> Responses.json(ctx, 200, status(UP, UP)),
        error -> Responses.json(ctx, 503, status(DOWN, DOWN + ": " + ServiceFailure.from(error).detail())));
  }

  private static JsonObject status(String overall, String customers) {
    return new JsonObject().put("status", overall).put("checks", new JsonObject().put("customers", customers));
  }
}
