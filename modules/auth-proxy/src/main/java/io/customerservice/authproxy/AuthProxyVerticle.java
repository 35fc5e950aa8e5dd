package io.customerservice.authproxy;

import io.customerservice.contract.Addresses;
import io.customerservice.runtime.BusEndpoints;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * The one place that talks to the authentication service: user data for display and remote
 * token validation, through service discovery, one circuit breaker and a Caffeine cache.
 * {@code auth.events.user-changed} evicts a user at once.
 */
public final class AuthProxyVerticle extends VerticleBase {

  private BusEndpoints endpoints;
  private AuthServiceEndpoint endpoint;
  private MessageConsumer<JsonObject> userChanges;
  private long graceMs;

  @Override
  public Future<?> start() {
    Settings config = new Settings(config());
    AuthProxySettings settings = AuthProxySettings.from(config);
    graceMs = config.shutdownGraceMs();
    endpoints = new BusEndpoints(vertx);
    return AuthServiceEndpoint.open(vertx, settings).compose(opened -> {
      endpoint = opened;
      AuthProxy proxy = new AuthProxy(new AuthServiceClient(vertx, endpoint, settings),
          new LookupCache<>(context, settings, "auth-proxy.users-by-id"), new LookupCache<>(context, settings, "auth-proxy.users-by-email"),
          new TokenValidations(context, settings.cacheMaxSize()));
      userChanges = vertx.eventBus().consumer(Addresses.AUTH_EVENTS_USER_CHANGED, event -> proxy.userChanged(event.body()));
      return Future.all(
          endpoints.serve(Addresses.AUTH_USERS_GET, proxy::getUser),
          endpoints.serve(Addresses.AUTH_USERS_GET_MANY, proxy::getUsers),
          endpoints.serve(Addresses.AUTH_USERS_FIND_BY_EMAIL, proxy::findByEmail),
          endpoints.serve(Addresses.AUTH_TOKENS_VALIDATE, proxy::validateToken),
          endpoints.serve(Addresses.AUTH_PROXY_STATUS, proxy::status),
          userChanges.completion());
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> unsubscribed = userChanges == null ? Future.succeededFuture() : userChanges.unregister();
    return unsubscribed
        .compose(v -> endpoints == null ? Future.succeededFuture() : endpoints.close(graceMs))
        .compose(v -> endpoint == null ? Future.succeededFuture() : endpoint.close());
  }
}
