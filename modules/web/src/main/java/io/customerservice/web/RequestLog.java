package io.customerservice.web;

import io.customerservice.contract.Responder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a sane token, else a
 * new UUID), returns it in the response and writes one access-log line per request with it.
 */
final class RequestLog implements Handler<RoutingContext> {

  private static final String HEADER = "X-Request-Id";
  private static final String CONTEXT_KEY = "customer-service.request-id";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Logger LOG = LoggerFactory.getLogger("access");

  @Override
  public void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    long started = System.nanoTime();
    ctx.put(CONTEXT_KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.addEndHandler(done -> {
      MDC.put(Responder.MDC_REQUEST_ID, id);
      try {
        LOG.info("{} {} {} {} ms", ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(),
            (System.nanoTime() - started) / 1_000_000);
      } finally {
        MDC.remove(Responder.MDC_REQUEST_ID);
      }
    });
    ctx.next();
  }

  static String idOf(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }
}
