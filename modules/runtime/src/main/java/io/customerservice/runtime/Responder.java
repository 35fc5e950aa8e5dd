package io.customerservice.runtime;

import io.customerservice.contract.BusHeaders;
import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an operation into an event-bus handler: the body must be a JSON object, the reply is the
 * operation's JSON result, and every failure reaches the caller as a {@link ServiceFailure}
 * (never a timeout, never a stack trace). Unexpected errors are logged here, once.
 */
public final class Responder {

  private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

  private Responder() {
  }

  public static Handler<Message<Object>> replying(Function<JsonObject, Future<JsonObject>> operation) {
    return message -> {
      Future<JsonObject> result;
      try {
        if (!(message.body() instanceof JsonObject body)) {
          throw ServiceFailure.invalid(new FieldErrors().add(FieldErrors.NON_FIELD_ERRORS, "The request body must be a JSON object."));
        }
        result = operation.apply(body);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(
          message::reply,
          error -> failureOf(message, error).failReply(message));
    };
  }

  private static ServiceFailure failureOf(Message<Object> message, Throwable error) {
    if (error instanceof ServiceFailure failure) {
      return failure;
    }
    String requestId = message.headers().get(BusHeaders.REQUEST_ID);
    try (LogContext ids = LogContext.open(requestId)) {
      LOG.error("Unexpected failure at {}", message.address(), error);
    }
    return ServiceFailure.from(error);
  }
}
