package io.customerservice.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What every HTTP-serving verticle here puts in front of its routes, and the server's life:
 * listening, and shutting down without losing requests in flight or their access-log lines.
 * One per verticle instance, used from its event loop.
 */
public final class HttpEdge {

  /**
   * Published (local only) when this process begins to stop: from then on every edge's
   * readiness answers 503 while it still serves, so a load balancer stops sending it requests
   * before its listeners close.
   */
  private static final String STOPPING = "customer-service.process.stopping";
  private static final String UP = "UP";
  private static final String DOWN = "DOWN";
  private static final int GATEWAY_TIMEOUT = 504;
  /**
   * How much longer than a request may take a silent connection stays open. The idle timer runs
   * from the last byte read, a request's own timeout from when it is routed: with the same
   * duration the connection was sometimes closed a moment before its 504 was written.
   */
  private static final long IDLE_MARGIN_MS = 1000;
  /** Small answers (a profile) are not worth a compressor's time; list pages are. */
  private static final int COMPRESS_FROM_BYTES = 4096;
  private static final Set<HttpMethod> CORS_METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
  private static final Set<String> CORS_REQUEST_HEADERS = Set.of("Authorization", "Content-Type", "If-Match",
      ApiHeaders.IDEMPOTENCY_KEY, ApiHeaders.REQUEST_ID);
  private static final Set<String> CORS_EXPOSED_HEADERS = Set.of("ETag", "Location", "Retry-After",
      ApiHeaders.IDEMPOTENT_REPLAYED, ApiHeaders.REQUEST_ID);

  private final Vertx vertx;
  private final Router router;
  private final long idleTimeoutMs;
  private final MessageConsumer<Void> stopping;
  private boolean draining;
  private HttpServer server;

  private HttpEdge(Vertx vertx, Router router, long idleTimeoutMs) {
    this.vertx = vertx;
    this.router = router;
    this.idleTimeoutMs = idleTimeoutMs;
    this.stopping = vertx.eventBus().<Void>localConsumer(STOPPING, announced -> draining = true);
  }

  /** Tells every edge of this process (not of the cluster) that the process is stopping. */
  public static void announceStopping(Vertx vertx) {
    vertx.eventBus().publish(STOPPING, null, new DeliveryOptions().setLocalOnly(true));
  }

  /**
   * A router that gives each request an id and an access-log line, answers it within
   * {@code requestTimeoutMs} whatever happens behind, refuses query strings that do not decode
   * and bodies that are not JSON, reads JSON bodies up to the limit and
   * answers every failure in Django REST framework's shapes; the verticle mounts its routes on it.
   * Browsers on {@code corsOrigins} (none: CORS off) may call it, preflights answered here.
   */
  public static HttpEdge create(Vertx vertx, int bodyLimitBytes, long requestTimeoutMs, List<String> corsOrigins) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog());
    router.route().handler(TimeoutHandler.create(requestTimeoutMs, GATEWAY_TIMEOUT));
    if (!corsOrigins.isEmpty()) {
      router.route().handler(CorsHandler.create().addOrigins(corsOrigins).allowedMethods(CORS_METHODS)
          .allowedHeaders(CORS_REQUEST_HEADERS).exposedHeaders(CORS_EXPOSED_HEADERS));
    }
    router.route().handler(new QueryStrings());
    router.route().handler(new JsonBodies(bodyLimitBytes));
    ErrorResponder.mount(router, bodyLimitBytes);
    return new HttpEdge(vertx, router, requestTimeoutMs);
  }

  /**
   * The edge of a port for operators (health and metrics): answered within {@code requestTimeoutMs}
   * and in the same error shapes, with no access-log line (a scraper's every visit would be one)
   * and no CORS or bodies (it only answers GETs).
   */
  public static HttpEdge management(Vertx vertx, long requestTimeoutMs) {
    Router router = Router.router(vertx);
    router.route().handler(TimeoutHandler.create(requestTimeoutMs, GATEWAY_TIMEOUT));
    ErrorResponder.mount(router, 0);
    return new HttpEdge(vertx, router, requestTimeoutMs);
  }

  public Router router() {
    return router;
  }

  /**
   * {@code /health/live}: the process answers HTTP. {@code /health/ready}: 503 once the process
   * is stopping, else what {@code readiness} reports, and 503 if it has not reported within
   * {@code timeoutMs}, so a probe is answered well inside a load balancer's own timeout.
   */
  public void mountHealth(Readiness readiness, long timeoutMs) {
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", UP)));
    router.get("/health/ready").handler(ctx -> ready(ctx, readiness, timeoutMs));
  }

  private void ready(RoutingContext ctx, Readiness readiness, long timeoutMs) {
    if (draining) {
      answer(ctx, new Readiness.Report(false, new JsonObject().put("process", "stopping")));
      return;
    }
    Promise<Readiness.Report> bounded = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, late -> bounded.tryComplete(
        new Readiness.Report(false, new JsonObject().put("process", "no answer from the checks within " + timeoutMs + " ms"))));
    readiness.check().onComplete(checked -> {
      vertx.cancelTimer(timer);
      bounded.tryComplete(checked.succeeded() ? checked.result()
          : new Readiness.Report(false, new JsonObject().put("process", "check failed: " + checked.cause().getMessage())));
    });
    bounded.future().onSuccess(report -> answer(ctx, report));
  }

  private static void answer(RoutingContext ctx, Readiness.Report report) {
    Responses.json(ctx, report.ready() ? 200 : 503,
        new JsonObject().put("status", report.ready() ? UP : DOWN).put("checks", report.checks()));
  }

  /** Starts the server; a failure says where it tried to listen (the transport's own message does not). */
  public Future<HttpServer> listen(String host, int port) {
    // A connection that sends nothing for as long as a request may take is closed: a client that
    // trickles headers or a body it was refused cannot hold it open. No upgrade to HTTP/2 over plain
    // HTTP (h2c): at Vert.x 5.0.8 a large answer on an upgraded connection sometimes reaches the
    // client partly as HTTP/1.1 bytes, a broken frame (EdgeTest); the JDK's client offers that
    // upgrade on every new connection, and answered in HTTP/1.1 it is served whole.
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
            .setIdleTimeout((int) (idleTimeoutMs + IDLE_MARGIN_MS)).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            .setCompressionSupported(true).setCompressionContentSizeThreshold(COMPRESS_FROM_BYTES)
            .setHttp2ClearTextEnabled(false))
        .requestHandler(router)
        .invalidRequestHandler(UndecodableRequests::answer)
        .listen()
        .recover(failure -> Future.failedFuture(
            new IllegalStateException("cannot listen on " + host + ":" + port + ": " + failure.getMessage(), failure)))
        .onSuccess(listening -> server = listening);
  }

  /** Stops accepting connections and lets requests in flight finish, up to the grace period. */
  public Future<Void> shutdown(long graceMs) {
    Future<Void> drained = server == null ? Future.succeededFuture() : server.shutdown(graceMs, TimeUnit.MILLISECONDS);
    return drained.eventually(stopping::unregister);
  }
}
