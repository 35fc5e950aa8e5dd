package io.customerservice.http;

import io.customerservice.contract.config.Settings;
import io.customerservice.web.BusClient;
import io.customerservice.web.HttpEdge;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * The single entry point for the frontend. It holds no customer data: every request becomes an
 * event-bus request to the verticle that owns the data. Ready once the server listens.
 */
public final class HttpVerticle extends VerticleBase {

  private HttpServer server;
  private long graceMs;

  @Override
  public Future<?> start() {
    Settings config = new Settings(config());
    HttpSettings settings = HttpSettings.from(config);
    graceMs = config.shutdownGraceMs();
    BusClient bus = new BusClient(vertx.eventBus(), settings.requestTimeoutMs());
    Future<TokenVerifier> verifying = settings.remoteValidation()
        ? Future.succeededFuture(new RemoteTokenVerifier(bus, settings.jwt()))
        : LocalTokenVerifier.create(vertx, settings.jwt(), settings.tokenCacheSize());
    return verifying.compose(verifier -> {
      Router router = HttpEdge.router(vertx, settings.bodyLimitBytes());
      new HealthRoutes(bus).mount(router);
      GuardedRoutes routes = new GuardedRoutes(router, new BearerAuthentication(verifier));
      CustomerViews views = new CustomerViews(new UserDirectory(bus));
      CustomerRoutes customers = new CustomerRoutes(bus, views);
      HistoryRoutes history = new HistoryRoutes(bus, views);
      customers.mountCustomerRoutes(routes);
      history.mountCustomerRoutes(routes);
      customers.mountStaffRoutes(routes);
      history.mountStaffRoutes(routes);
      return HttpEdge.listen(vertx, settings.host(), settings.port(), router).onSuccess(listening -> server = listening);
    });
  }

  /** Stops accepting connections and lets requests in flight finish, up to the grace period. */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(graceMs, TimeUnit.MILLISECONDS);
  }
}
