package io.customerservice.http;

import io.customerservice.authproxy.AuthProxyVerticle;
import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.customers.history.ServiceHistoryVerticle;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The full in-process app for HTTP tests: a fresh database, the customer store, the service
 * history, the auth proxy (pointing nowhere unless {@code auth-service.url} is given) and the
 * HTTP verticle (two instances, as in production) on a free loopback port. A test class declares it as
 * {@code @RegisterExtension static final Api API = new Api()} to share one per class.
 */
final class ApiServer implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final HttpApi api;
  final JsonObject config;

  /** One server for a whole test class, started before its tests and closed after them. */
  static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private final JsonObject overrides;
    private ApiServer server;

    PerClass() {
      this(new JsonObject());
    }

    PerClass(JsonObject overrides) {
      this.overrides = overrides;
    }

    HttpApi api() {
      return server.api;
    }

    JsonObject config() {
      return server.config;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
      server = ApiServer.start(overrides);
    }

    @Override
    public void afterAll(ExtensionContext context) {
      server.close();
    }
  }

  private ApiServer(boolean withStore, JsonObject overrides) {
    int port = FreePort.find();
    config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1")
        .put(HttpSettings.HTTP_PORT, port)
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        .mergeIn(overrides);
    if (withStore) {
      Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config)));
      Bus.await(vertx.deployVerticle(ServiceHistoryVerticle.class, new DeploymentOptions().setConfig(config)));
      Bus.await(vertx.deployVerticle(AuthProxyVerticle.class, new DeploymentOptions().setConfig(config)));
    }
    Bus.await(vertx.deployVerticle(HttpVerticle.class, new DeploymentOptions().setConfig(config).setInstances(2)));
    api = new HttpApi(port);
  }

  static ApiServer start() {
    return new ApiServer(true, new JsonObject());
  }

  static ApiServer start(JsonObject overrides) {
    return new ApiServer(true, overrides);
  }

  /** The HTTP verticle alone, with nobody answering the store's or the history's addresses. */
  static ApiServer withoutStore(JsonObject overrides) {
    return new ApiServer(false, overrides);
  }

  @Override
  public void close() {
    Bus.await(vertx.close());
  }
}
