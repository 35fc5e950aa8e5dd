package io.customerservice.http;

import io.customerservice.web.BackendChecks;
import io.customerservice.web.BusClient;
import io.customerservice.web.Readiness;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * The customer API's readiness: a request can be served end to end, i.e. the event bus reaches
 * the customer store and the store reaches its database. The authentication service's state is
 * reported but does not decide readiness: without it the API still serves, with partial user data.
 */
final class ApiReadiness implements Readiness {

  private final BusClient bus;

  /** {@code bus} should answer within the readiness bound, so a late check still reports what it knows. */
  ApiReadiness(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public Future<Report> check() {
    Function<String, Future<JsonObject>> ask = address -> bus.request(address, new JsonObject(), null);
    Future<String> customers = BackendChecks.customers(ask);
    Future<String> authService = BackendChecks.authProxy(ask);
    return Future.all(customers, authService).map(done -> new Report(customers.result().equals(BackendChecks.UP),
        new JsonObject().put("customers", customers.result()).put("auth-service", authService.result())));
  }
}
