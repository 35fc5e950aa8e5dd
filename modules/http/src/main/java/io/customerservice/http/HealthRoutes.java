package io.customerservice.http;

import io.customerservice.web.Responses;
import io.customerservice.web.BusClient;
import io.customerservice.contract.Addresses;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.CustomerMessages;
import io.vertx.core.Future;
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

  /**
   * Ready when the customer store answers. The authentication service's state is reported but
   * does not decide readiness: without it the API still serves, with partial user data.
   */
  private void ready(RoutingContext ctx) {
    Future<String> customers = bus.request(Addresses.CUSTOMERS_HEALTH_CHECK, new JsonObject(), ctx)
        .map(up -> UP)
        .otherwise(error -> DOWN + ": " + ServiceFailure.from(error).detail());
    Future<String> authService = bus.request(Addresses.AUTH_PROXY_STATUS, new JsonObject(), ctx)
        .map(status -> "breaker " + status.getString(AuthMessages.BREAKER))
        .otherwise(error -> "unknown: " + ServiceFailure.from(error).detail());
    Future.all(customers, authService).onComplete(done -> {
      boolean ready = customers.result().equals(UP);
      Responses.json(ctx, ready ? 200 : 503, new JsonObject()
          .put("status", ready ? UP : DOWN)
          .put("checks", new JsonObject().put("customers", customers.result()).put("auth-service", authService.result())));
    });
  }
}
