package io.customerservice.web;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Answers a request the HTTP decoder could not read (a request line or headers too long, a
 * malformed header) before any route sees it: with the status Vert.x's own handler gives (414,
 * 431, else 400), but in the API's shape, {@code {"detail": ...}}, rather than an empty body; then
 * the connection closes, since what follows on it cannot be trusted to start a request.
 */
final class UndecodableRequests {

  private UndecodableRequests() {
  }

  static void answer(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status;
    String detail;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      detail = "The request line is too long.";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      detail = "The request's headers are too large.";
    } else {
      status = 400;
      detail = "The request could not be read as HTTP.";
    }
    HttpServerResponse response = request.response();
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(new JsonObject().put("detail", detail).toBuffer())
        .onComplete(sent -> request.connection().close());
  }
}
