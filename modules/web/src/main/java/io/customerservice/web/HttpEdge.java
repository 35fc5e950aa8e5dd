package io.customerservice.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.util.concurrent.TimeUnit;

/**
 * What every HTTP-serving verticle here puts in front of its routes, and the server's life:
 * listening, and shutting down without losing requests in flight or their access-log lines.
 * One per verticle instance, used from its event loop.
 */
public final class HttpEdge {

  private static final int GATEWAY_TIMEOUT = 504;

  private final Vertx vertx;
  private final Router router;
  private final AccessLog accessLog;
  private final long idleTimeoutMs;
  private HttpServer server;

  private HttpEdge(Vertx vertx, Router router, AccessLog accessLog, long idleTimeoutMs) {
    this.vertx = vertx;
    this.router = router;
    this.accessLog = accessLog;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  /**
   * A router that gives each request an id and an access-log line, answers it within
   * {@code requestTimeoutMs} whatever happens behind, refuses query strings that do not decode
   * and bodies that are not JSON, reads JSON bodies up to the limit and
   * answers every failure in Django REST framework's shapes; the verticle mounts its routes on it.
   */
  public static HttpEdge create(Vertx vertx, int bodyLimitBytes, long requestTimeoutMs) {
    AccessLog accessLog = new AccessLog(vertx);
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(accessLog));
    router.route().handler(TimeoutHandler.create(requestTimeoutMs, GATEWAY_TIMEOUT));
    router.route().handler(new QueryStrings());
    router.route().handler(new JsonBodies(bodyLimitBytes));
    ErrorResponder.mount(router, bodyLimitBytes);
    return new HttpEdge(vertx, router, accessLog, requestTimeoutMs);
  }

  public Router router() {
    return router;
  }

  /** Starts the server; a failure says where it tried to listen (the transport's own message does not). */
  public Future<HttpServer> listen(String host, int port) {
    // A connection that sends nothing for as long as a request may take is closed: a client that
    // trickles headers or a body it was refused cannot hold it open.
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
            .setIdleTimeout((int) idleTimeoutMs).setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
        .requestHandler(router)
        .listen()
        .recover(failure -> Future.failedFuture(
            new IllegalStateException("cannot listen on " + host + ":" + port + ": " + failure.getMessage(), failure)))
        .onSuccess(listening -> server = listening);
  }

  /** Stops accepting connections, lets requests in flight finish up to the grace period, then writes their access lines. */
  public Future<Void> shutdown(long graceMs) {
    Future<Void> drained = server == null ? Future.succeededFuture() : server.shutdown(graceMs, TimeUnit.MILLISECONDS);
    return drained.andThen(done -> accessLog.flush());
  }
}
