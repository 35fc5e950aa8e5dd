package io.customerservice.contract;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Function;

/**
 * Counts the requests a verticle instance is still working on, so that {@code stop()} can let
 * them finish (up to a grace period) before closing what they use. Used on one context only.
 */
public final class InFlight {

  private int running;
  private Promise<Void> drained;

  public <T, R> Function<T, Future<R>> tracking(Function<T, Future<R>> operation) {
    return input -> {
      running++;
      Future<R> result;
      try {
        result = operation.apply(input);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.andThen(done -> finished());
    };
  }

  /** Completes when nothing is running any more, or after {@code graceMs} at the latest. */
  public Future<Void> drained(Vertx vertx, long graceMs) {
    if (running == 0) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    long timer = vertx.setTimer(graceMs, id -> drained.tryComplete());
    return drained.future().andThen(done -> vertx.cancelTimer(timer));
  }

  private void finished() {
    running--;
    if (running == 0 && drained != null) {
      drained.tryComplete();
    }
  }
}
