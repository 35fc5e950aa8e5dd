package io.customerservice.app;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The launcher's and command-line tools' way to wait for Vert.x on the main thread (never on an event loop). */
final class Blocking {

  private Blocking() {
  }

  /** The future's result; its own failure is thrown as it is, not wrapped. */
  static <T> T await(Future<T> future, long timeout, TimeUnit unit) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout, unit);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
