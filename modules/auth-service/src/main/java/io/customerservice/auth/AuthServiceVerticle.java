package io.customerservice.auth;

import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.database.OwnedSchema;
import io.customerservice.web.ApiDocs;
import io.customerservice.web.HttpEdge;
import io.customerservice.web.Readiness;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.ext.web.Router;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.ServiceDiscovery;
import io.vertx.servicediscovery.types.HttpEndpoint;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compatible authentication service: users, passwords and simplejwt tokens in the {@code auth}
 * schema, on its own port. Once listening it publishes itself in service discovery, so the auth
 * proxy finds it with no configuration.
 */
public final class AuthServiceVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AuthServiceVerticle.class);
  private static final int BODY_LIMIT_BYTES = 16 * 1024;
  /** The service's OpenAPI document on the classpath (docs/openapi/auth-service.yaml, copied by the pom). */
  static final String DOCUMENT = "openapi/auth-service.yaml";

  private Pool pool;
  private HttpEdge edge;
  private ServiceDiscovery discovery;
  private Record published;
  private long graceMs;

  @Override
  public Future<?> start() {
    Settings config = new Settings(config());
    AuthSettings settings = AuthSettings.from(config);
    DatabaseSettings db = DatabaseSettings.from(config);
    graceMs = config.shutdownGraceMs();
    PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
    Future<String> unknownUserHash = vertx.executeBlocking(() -> hasher.hash(java.util.UUID.randomUUID().toString()));
    Future<ApiDocs> docs = ApiDocs.load(vertx, DOCUMENT);
    return Future.all(OwnedSchema.open(vertx, db, UserRepository.SCHEMA), unknownUserHash, docs).compose(ready -> {
      pool = ready.resultAt(0);
      AuthRoutes routes = new AuthRoutes(vertx, new UserRepository(pool), hasher,
          new UserInput(new PasswordRules(settings.passwordMinLength())),
          sharedThrottle(settings), settings.clientAddresses(),
          new TokenIssuer(vertx, settings), ready.resultAt(1));
      edge = HttpEdge.create(vertx, BODY_LIMIT_BYTES, config.httpRequestTimeoutMs(), config.corsAllowedOrigins());
      Router router = edge.router();
      routes.mount(router);
      edge.mountHealth(this::databaseAnswers, config.readyTimeoutMs());
      docs.result().mount(router);
      return edge.listen(settings.host(), settings.port());
    }).compose(listening -> register(settings, listening.actualPort()));
  }

  /** The routes this instance serves, once started: the OpenAPI test holds them to the document. */
  Router router() {
    return edge.router();
  }

  private Future<Readiness.Report> databaseAnswers() {
    return pool.query("SELECT 1").execute().transform(answered -> Future.succeededFuture(new Readiness.Report(answered.succeeded(),
        new JsonObject().put("database", answered.succeeded() ? "UP" : "DOWN: " + answered.cause().getMessage()))));
  }

  /** One throttle for every instance of this deployment, so that deploying more instances does not multiply the limits. */
  private AttemptThrottle sharedThrottle(AuthSettings settings) {
    return throttles().computeIfAbsent(deploymentID(), key -> new AttemptThrottle(
        settings.maxFailuresPerEmail(), settings.maxFailuresPerAddress(), settings.maxRegistrationsPerAddress(), settings.loginWindow()));
  }

  private LocalMap<String, AttemptThrottle> throttles() {
    return vertx.sharedData().getLocalMap(AttemptThrottle.class.getName());
  }

  @Override
  public Future<?> stop() {
    Future<Void> unpublished = published == null ? Future.succeededFuture() : discovery.unpublish(published.getRegistration());
    return unpublished
        .andThen(done -> {
          if (discovery != null) {
            discovery.close();
          }
        })
        .compose(v -> edge == null ? Future.succeededFuture() : edge.shutdown(graceMs))
        .compose(v -> pool == null ? Future.succeededFuture() : pool.close())
        .andThen(closed -> throttles().remove(deploymentID()));
  }

  /**
   * Publishes this endpoint. A record of the same name at the same endpoint can only be left by
   * an earlier run that died without unpublishing (discovery has no heartbeats): it goes first.
   */
  private Future<Record> register(AuthSettings settings, int port) {
    discovery = ServiceDiscovery.create(vertx);
    Record record = HttpEndpoint.createRecord(settings.recordName(), settings.advertisedHost(), port, "/", new JsonObject());
    Future<Void> cleared = discovery.getRecords(new JsonObject().put("name", settings.recordName())).compose(existing ->
        Future.join(existing.stream()
            .filter(old -> old.getLocation().getString("endpoint", "").equals(record.getLocation().getString("endpoint")))
            .map(old -> discovery.unpublish(old.getRegistration()))
            .toList()).mapEmpty());
    return cleared.compose(v -> discovery.publish(record)).onSuccess(done -> {
      published = done;
      LOG.info("Authentication service listening on {}:{}, published as {}", settings.host(), port, settings.recordName());
    });
  }
}
