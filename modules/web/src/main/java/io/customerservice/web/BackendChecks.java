package io.customerservice.web;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.CustomerMessages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * What a readiness probe reports of the roles behind it, spelled once for both probes (the
 * customer API's and a process's management port): whether the customer store reaches its
 * database, and the auth proxy's breaker. Each answer is words for the report, never a failure;
 * {@code ask} sends an empty request to an address, over the cluster or only in this process.
 */
public final class BackendChecks {

  public static final String UP = CustomerMessages.STATUS_UP;

  private BackendChecks() {
  }

  /** {@link #UP}, or {@code DOWN: <why>}. */
  public static Future<String> customers(Function<String, Future<JsonObject>> ask) {
    return ask.apply(Addresses.CUSTOMERS_HEALTH_CHECK)
        .map(up -> UP)
        .otherwise(error -> "DOWN: " + ServiceFailure.from(error).detail());
  }

  /** {@code breaker <state>}, or {@code unknown: <why>}. */
  public static Future<String> authProxy(Function<String, Future<JsonObject>> ask) {
    return ask.apply(Addresses.AUTH_PROXY_STATUS)
        .map(status -> "breaker " + status.getString(AuthMessages.BREAKER))
        .otherwise(error -> "unknown: " + ServiceFailure.from(error).detail());
  }
}
