package io.customerservice.testkit;

import io.customerservice.contract.ServiceFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives the event bus as a foreign service would, from the test's own thread: a request is sent,
 * and the test blocks (never an event loop) until the reply or the contract failure arrives.
 */
public final class Bus {

  private static final long WAIT_SECONDS = 30;
  private final Vertx vertx;

  public Bus(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<JsonObject> send(String address, Object body) {
    return vertx.eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(WAIT_SECONDS * 1000))
        .map(Message::body);
  }

  public JsonObject request(String address, Object body) {
    return await(send(address, body));
  }

  /** The failure a request ends with; fails the test if it succeeds. */
  public ServiceFailure failure(String address, Object body) {
    return failureOf(send(address, body));
  }

  public static <T> T await(Future<T> future) {
    return await(future, "expected success");
  }

  /** The future's result; else fails the test saying {@code what} was awaited and how it failed. */
  public static <T> T await(Future<T> future, String what) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(what + ", got " + describe(e.getCause()), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(what + ": no answer within " + WAIT_SECONDS + " s", e);
    }
  }

  /** The future once it has completed, either way, for a test that polls until a request succeeds. */
  public static <T> Future<T> awaitCompletion(Future<T> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      // the future holds the failure
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT_SECONDS + " s", e);
    }
    return future;
  }

  public static ServiceFailure failureOf(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return ServiceFailure.from(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT_SECONDS + " s", e);
    }
  }

  /** A contract failure as its code and JSON; anything else (a validator's verdict, a browser's) as it says itself. */
  private static String describe(Throwable error) {
    if (!(error instanceof ServiceFailure || error instanceof ReplyException)) {
      return error.toString();
    }
    ServiceFailure failure = ServiceFailure.from(error);
    return failure.code() + " " + failure.toJson().encode();
  }
}
