package io.customerservice.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before routing, a query string that does not decode (a {@code %} without two hex
 * digits after it). Routes with path parameters decode the query while they are matched, where a
 * failure escapes every failure handler and is answered in the router's own plain text.
 */
final class QueryStrings implements Handler<RoutingContext> {

  private static final String MALFORMED = "The query string is malformed: every % must be followed by two hexadecimal digits.";

  @Override
  public void handle(RoutingContext ctx) {
    try {
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      ctx.fail(new HttpProblem(400, MALFORMED));
      return;
    }
    ctx.next();
  }
}
