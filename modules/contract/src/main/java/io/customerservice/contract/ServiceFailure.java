package io.customerservice.contract;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A failure as it crosses the event bus: a {@link FailureCode}, a human-readable detail and,
 * for invalid input, Django-style field errors ({@code {"field": ["message", ...]}}).
 *
 * <p>On the wire the failure text is a JSON object
 * {@code {"detail": "...", "errors": {...}, ...extra}} so callers in any JVM can parse it.
 */
public final class ServiceFailure extends RuntimeException {

  private static final String DETAIL = "detail";
  private static final String ERRORS = "errors";

  private final FailureCode code;
  private final JsonObject fieldErrors;
  private final JsonObject extra;

  private ServiceFailure(FailureCode code, String detail, JsonObject fieldErrors, JsonObject extra) {
    super(detail, null, false, false);
    this.code = code;
    this.fieldErrors = fieldErrors == null ? new JsonObject() : fieldErrors;
    this.extra = extra == null ? new JsonObject() : extra;
  }

  public static ServiceFailure of(FailureCode code, String detail) {
    return new ServiceFailure(code, detail, null, null);
  }

  public static ServiceFailure invalid(FieldErrors errors) {
    return new ServiceFailure(FailureCode.INVALID, "Invalid input.", errors.toJson(), null);
  }

  public static ServiceFailure notFound(String detail) {
    return of(FailureCode.NOT_FOUND, detail);
  }

  public static ServiceFailure conflict(String detail) {
    return of(FailureCode.CONFLICT, detail);
  }

  public static ServiceFailure unavailable(String detail) {
    return of(FailureCode.UNAVAILABLE, detail);
  }

  /** The same failure with extra machine-readable members (for example a current version). */
  public ServiceFailure with(String key, Object value) {
    return new ServiceFailure(code, getMessage(), fieldErrors, extra.copy().put(key, value));
  }

  public FailureCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  /** Field errors in Django REST framework's shape; empty unless the code is INVALID. */
  public JsonObject fieldErrors() {
    return fieldErrors.copy();
  }

  public JsonObject extra() {
    return extra.copy();
  }

  public JsonObject toJson() {
    JsonObject json = extra.copy().put(DETAIL, getMessage());
    if (!fieldErrors.isEmpty()) {
      json.put(ERRORS, fieldErrors.copy());
    }
    return json;
  }

  /** Fails a request message with this failure. */
  public void failReply(Message<?> message) {
    message.fail(code.code(), toJson().encode());
  }

  /**
   * What a caller of an event-bus request sees: our own failures decoded from their JSON
   * text, "no handler" as UNAVAILABLE, a timeout as TIMEOUT, anything else as INTERNAL.
   */
  public static ServiceFailure from(Throwable error) {
    if (error instanceof ServiceFailure failure) {
      return failure;
    }
    if (error instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case NO_HANDLERS -> unavailable("The service that owns this data is not running.");
        case TIMEOUT -> of(FailureCode.TIMEOUT, "The service that owns this data did not answer in time.");
        default -> decode(reply.failureCode(), reply.getMessage());
      };
    }
    return of(FailureCode.INTERNAL, "Internal error.");
  }

  private static ServiceFailure decode(int failureCode, String text) {
    FailureCode code = FailureCode.of(failureCode);
    try {
      JsonObject json = new JsonObject(text == null ? "{}" : text);
      String detail = json.getString(DETAIL, code.name());
      JsonObject errors = json.getJsonObject(ERRORS);
      JsonObject extra = json.copy();
      extra.remove(DETAIL);
      extra.remove(ERRORS);
      return new ServiceFailure(code, detail, errors, extra);
    } catch (DecodeException | ClassCastException notOurs) {
      return of(code, text);
    }
  }
}
