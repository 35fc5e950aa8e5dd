package io.customerservice.runtime;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.AsyncResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long one address's operations take and how they end ({@code outcome}: {@code ok} or the
 * failure's code), in the process's registry ({@link Metrics#globalRegistry}: no registry, no
 * cost beyond a clock read). Vert.x's own event-bus metrics count messages and pending ones per
 * address; only the handler knows the contract's failure codes. Used on one context only.
 */
final class HandlingMetrics {

  static final String NAME = "customer_service.bus.handling";
  private static final String OK = "ok";

  private final String address;
  private final Timer succeeded;
  private final Map<FailureCode, Timer> failed = new EnumMap<>(FailureCode.class);

  HandlingMetrics(String address) {
    this.address = address;
    this.succeeded = timer(OK);
  }

  /** One operation, begun at {@code startedNanos} ({@link System#nanoTime}), ended with {@code outcome}. */
  void record(long startedNanos, AsyncResult<?> outcome) {
    Timer timer = outcome.succeeded()
        ? succeeded
        : failed.computeIfAbsent(ServiceFailure.from(outcome.cause()).code(), code -> timer(Integer.toString(code.code())));
    timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String outcome) {
    return Timer.builder(NAME)
        .description("Event-bus requests handled, by address and outcome (ok, or the failure code)")
        .tag("address", address)
        .tag("outcome", outcome)
        .register(Metrics.globalRegistry);
  }
}
