package io.customerservice.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes JSON answers. Every answer is written, whatever its body: one that cannot be encoded
 * becomes a 500 with {@code {"detail": ...}} and a log line naming the request, so a connection is
 * never left open by a throwing encoder. An answer to a request already answered (after the
 * request timeout) is dropped.
 */
public final class Responses {

  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
  private static final String JSON = "application/json";
  static final String SERVER_ERROR = "A server error occurred.";

  private Responses() {
  }

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    Buffer bytes;
    int sent = status;
    try {
      bytes = body.toBuffer();
    } catch (RuntimeException | StackOverflowError e) {
      // A recursive encoder (Vert.x's databind codec, say) meets a deep document as a stack
      // overflow, unwound by now: the request is answered like any other encoding failure.
      LOG.error("Request {}: the {} answer to {} {} could not be encoded", RequestLog.idOf(ctx), status,
          ctx.request().method(), ctx.request().path(), e);
      bytes = new JsonObject().put("detail", SERVER_ERROR).toBuffer();
      sent = 500;
      response.headers().remove(HttpHeaders.ETAG);
    }
    response.setStatusCode(sent).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(bytes);
  }

  public static void noContent(RoutingContext ctx) {
    if (!ctx.response().ended() && !ctx.response().closed()) {
      ctx.response().setStatusCode(204).end();
    }
  }
}
