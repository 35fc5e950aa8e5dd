package io.customerservice.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;

/**
 * Reads a request body only when it can be JSON, before authentication and routing: anything
 * else that carries a body is refused with 415 before a byte of it is read, so no form or
 * multipart decoder ever sees client bytes. Methods that take no body here (GET, DELETE, HEAD,
 * OPTIONS) have theirs ignored; a body-less POST of any type reads as an empty object, as DRF does.
 */
final class JsonBodies implements Handler<RoutingContext> {

  private static final Set<HttpMethod> TAKE_BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
  private static final int MAX_ECHOED_TYPE = 100;

  private final BodyHandler reader;

  JsonBodies(int bodyLimitBytes) {
    this.reader = BodyHandler.create(false).setBodyLimit(bodyLimitBytes);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!TAKE_BODIES.contains(request.method())) {
      ctx.next();
      return;
    }
    String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (MediaType.parse(header).map(MediaType::isJson).orElse(false)) {
      reader.handle(ctx);
    } else if (declaresBody(request)) {
      refuse(ctx, header);
    } else if (request.version() == HttpVersion.HTTP_2 && !request.isEnded()) {
      awaitNoBody(ctx, header);
    } else {
      ctx.next();
    }
  }

  private static boolean declaresBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || (length != null && !length.strip().equals("0"));
  }

  /**
   * HTTP/2 frames a body without Content-Length, and a stream is still open when its headers
   * are handled even if nothing follows them: the first byte of data is the refusal, the end
   * of the stream with none lets the request through. Nothing is kept.
   */
  private static void awaitNoBody(RoutingContext ctx, String header) {
    HttpServerRequest request = ctx.request();
    request.handler(chunk -> {
      if (chunk.length() > 0 && !ctx.failed()) {
        refuse(ctx, header);
      }
    });
    request.endHandler(end -> {
      if (!ctx.failed()) {
        ctx.next();
      }
    });
    request.resume();
  }

  private static void refuse(RoutingContext ctx, String header) {
    ctx.fail(new HttpProblem(415, "Unsupported media type \"" + echoed(header) + "\" in request."));
  }

  private static String echoed(String header) {
    String type = header == null ? "" : header.strip();
    return type.length() > MAX_ECHOED_TYPE ? type.substring(0, MAX_ECHOED_TYPE) + "..." : type;
  }
}
