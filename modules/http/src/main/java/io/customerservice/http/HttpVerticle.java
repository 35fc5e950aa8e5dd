package io.customerservice.http;

import io.customerservice.runtime.config.Settings;
import io.customerservice.web.ApiDocs;
import io.customerservice.web.BusClient;
import io.customerservice.web.HttpEdge;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;

/**
 * The single entry point for the frontend. It holds no customer data: every request becomes an
 * event-bus request to the verticle that owns the data. Ready once the server listens.
 */
public final class HttpVerticle extends VerticleBase {

  /** The API's OpenAPI document on the classpath (docs/openapi/customer-api.yaml, copied by the pom). */
  static final String DOCUMENT = "openapi/customer-api.yaml";

  private HttpEdge edge;
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
    Future<ApiDocs> docs = ApiDocs.load(vertx, DOCUMENT);
    return Future.all(verifying, docs).compose(loaded -> {
      TokenVerifier verifier = verifying.result();
      edge = HttpEdge.create(vertx, settings.bodyLimitBytes(), settings.answerTimeoutMs(), config.corsAllowedOrigins());
      Router router = edge.router();
      edge.mountHealth(new ApiReadiness(new BusClient(vertx.eventBus(), config.readyTimeoutMs())), config.readyTimeoutMs());
      docs.result().mount(router);
      GuardedRoutes routes = new GuardedRoutes(router, new BearerAuthentication(verifier));
      CustomerViews views = new CustomerViews(new UserDirectory(context, bus));
      CustomerReads reads = new CustomerReads(context, bus);
      Pagination pages = new Pagination(settings.publicBaseUrl());
      CustomerRoutes customers = new CustomerRoutes(bus, reads, views, pages);
      HistoryRoutes history = new HistoryRoutes(bus, views, pages);
      customers.mountCustomerRoutes(routes);
      history.mountCustomerRoutes(routes);
      customers.mountStaffRoutes(routes);
      history.mountStaffRoutes(routes);
      return edge.listen(settings.host(), settings.port());
    });
  }

  /** The routes this instance serves, once started: the OpenAPI test holds them to the document. */
  Router router() {
    return edge.router();
  }

  /** Stops accepting connections and lets requests in flight finish, up to the grace period. */
  @Override
  public Future<?> stop() {
    return edge == null ? Future.succeededFuture() : edge.shutdown(graceMs);
  }
}
