package io.customerservice.http;

import io.customerservice.web.BusClient;
import io.customerservice.web.Readiness;
import io.customerservice.contract.Addresses;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.CustomerMessages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The customer API's readiness: a request can be served end to end, i.e. the event bus reaches
 * the customer store and the store reaches its database. The authentication service's state is
 * reported but does not decide readiness: without it the API still serves, with partial user data.
 */
final class ApiReadiness implements Readiness {

  private static final String UP = CustomerMessages.STATUS_UP;
  private final BusClient bus;

  /** {@code bus} should answer within the readiness bound, so a late check still reports what it knows. */
  ApiReadiness(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public Future<Report> check() {
    Future<String> customers = bus.request(Addresses.CUSTOMERS_HEALTH_CHECK, new JsonObject(), null)
        .map(up -> UP)
        .otherwise(error -> "DOWN: " + ServiceFailure.from(error).detail());
    Future<String> authService = bus.request(Addresses.AUTH_PROXY_STATUS, new JsonObject(), null)
        .map(status -> "breaker " + status.getString(AuthMessages.BREAKER))
        .otherwise(error -> "unknown: " + ServiceFailure.from(error).detail());
    return Future.all(customers, authService).map(done -> new Report(customers.result().equals(UP),
        new JsonObject().put("customers", customers.result()).put("auth-service", authService.result())));
  }
}
