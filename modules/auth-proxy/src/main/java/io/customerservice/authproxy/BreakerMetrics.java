package io.customerservice.authproxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.circuitbreaker.TimeoutException;
import io.vertx.core.AsyncResult;

/**
 * The breaker in the process's registry: its state (0 closed, 1 half-open, 2 open; with several
 * auth-proxy instances in one process, the first one's) and its calls by outcome, counted over
 * every instance: {@code success} (including the service's refusals, which are answers),
 * {@code failure} (a 5xx or a connection failure), {@code timeout} (no answer within the
 * breaker's timeout), {@code rejected} (the breaker was open and the call was not made).
 */
final class BreakerMetrics {

  static final String STATE = "customer_service.breaker.state";
  static final String CALLS = "customer_service.breaker.calls";

  private final Counter success;
  private final Counter failure;
  private final Counter timeout;
  private final Counter rejected;

  BreakerMetrics(CircuitBreaker breaker) {
    Gauge.builder(STATE, breaker, BreakerMetrics::state)
        .description("The circuit breaker's state: 0 closed, 1 half-open, 2 open")
        .tag("breaker", breaker.name())
        .strongReference(true)
        .register(Metrics.globalRegistry);
    this.success = calls(breaker, "success");
    this.failure = calls(breaker, "failure");
    this.timeout = calls(breaker, "timeout");
    this.rejected = calls(breaker, "rejected");
  }

  /** Counts one call through the breaker by how it ended (a refusal the policy lets pass is a success). */
  void record(AsyncResult<?> outcome, boolean countsAsFailure) {
    if (outcome.failed() && outcome.cause() instanceof OpenCircuitException) {
      rejected.increment();
    } else if (outcome.failed() && outcome.cause() instanceof TimeoutException) {
      timeout.increment();
    } else if (countsAsFailure) {
      failure.increment();
    } else {
      success.increment();
    }
  }

  private static double state(CircuitBreaker breaker) {
    return switch (breaker.state()) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }

  private static Counter calls(CircuitBreaker breaker, String outcome) {
    return Counter.builder(CALLS)
        .description("Calls to the authentication service through the circuit breaker, by outcome")
        .tag("breaker", breaker.name())
        .tag("outcome", outcome)
        .register(Metrics.globalRegistry);
  }
}
