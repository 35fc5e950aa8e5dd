package io.customerservice.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A verticle's request addresses: registers each operation as a {@link Responder}, times it by
 * outcome ({@link HandlingMetrics}), counts the requests still running, and on {@link #close} stops taking new ones and lets the running ones
 * finish (up to a grace period) before the verticle releases what they use. One per verticle
 * instance, used on its context only.
 */
public final class BusEndpoints {

  private final Vertx vertx;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private int running;
  private Promise<Void> drained;

  public BusEndpoints(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Answers {@code address} with {@code operation}; completes once the registration is in place. */
  public Future<Void> serve(String address, Function<JsonObject, Future<JsonObject>> operation) {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(address,
        Responder.replying(tracking(operation, new HandlingMetrics(address))));
    consumers.add(consumer);
    return consumer.completion();
  }

  /** Unregisters every address, then completes when nothing runs any more or after {@code graceMs}. */
  public Future<Void> close(long graceMs) {
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList())
        .transform(unregistered -> drained(graceMs));
  }

  private Function<JsonObject, Future<JsonObject>> tracking(Function<JsonObject, Future<JsonObject>> operation,
      HandlingMetrics metrics) {
    return input -> {
      running++;
      long started = System.nanoTime();
      Future<JsonObject> result;
      try {
        result = operation.apply(input);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.andThen(done -> {
        metrics.record(started, done);
        finished();
      });
    };
  }

  private Future<Void> drained(long graceMs) {
    if (running == 0) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, graceMs), id -> drained.tryComplete());
    return drained.future().andThen(done -> vertx.cancelTimer(timer));
  }

  private void finished() {
    running--;
    if (running == 0 && drained != null) {
      drained.tryComplete();
    }
  }
}
