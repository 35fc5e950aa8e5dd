package io.customerservice.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** What every HTTP-serving verticle here puts in front of its routes, and how it starts listening. */
public final class HttpEdge {

  private HttpEdge() {
  }

  /**
   * A router that gives each request an id and an access-log line, reads bodies up to the limit
   * and answers every failure in Django REST framework's shapes; the verticle mounts its routes on it.
   */
  public static Router router(Vertx vertx, int bodyLimitBytes) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog());
    router.route().handler(BodyHandler.create(false).setBodyLimit(bodyLimitBytes));
    ErrorResponder.mount(router, bodyLimitBytes);
    return router;
  }

  /** Starts the server; a failure says where it tried to listen (the transport's own message does not). */
  public static Future<HttpServer> listen(Vertx vertx, String host, int port, Router router) {
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(router)
        .listen()
        .recover(failure -> Future.failedFuture(
            new IllegalStateException("cannot listen on " + host + ":" + port + ": " + failure.getMessage(), failure)));
  }
}
