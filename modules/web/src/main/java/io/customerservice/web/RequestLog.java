package io.customerservice.web;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a sane token, else a
 * new UUID), returns it in the response and writes one access-log line per request with it.
 */
final class RequestLog implements Handler<RoutingContext> {

  private static final String HEADER = ApiHeaders.REQUEST_ID;
  private static final String CONTEXT_KEY = "customer-service.request-id";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  public void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : newId();
    long started = System.nanoTime();
    // The server span is current while the router runs, not necessarily when the response ends.
    SpanContext span = Span.current().getSpanContext();
    ctx.put(CONTEXT_KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.addEndHandler(done -> AccessLog.record(id, span, ctx.request().method(), ctx.request().path(),
        ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000));
    ctx.next();
  }

  static String idOf(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }

  /**
   * A version 4 UUID from a fast generator: an id to find a request by in the logs needs to be
   * unique, not unguessable, and {@code UUID.randomUUID()} takes SecureRandom's lock per request.
   */
  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
    return new UUID(high, low).toString();
  }
}
