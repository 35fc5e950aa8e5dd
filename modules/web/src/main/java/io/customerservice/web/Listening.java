package io.customerservice.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** Starts an HTTP server; a failure says where it tried to listen (the transport's own message does not). */
public final class Listening {

  private Listening() {
  }

  public static Future<HttpServer> start(Vertx vertx, String host, int port, Router router) {
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(router)
        .listen()
        .recover(failure -> Future.failedFuture(
            new IllegalStateException("cannot listen on " + host + ":" + port + ": " + failure.getMessage(), failure)));
  }
}
