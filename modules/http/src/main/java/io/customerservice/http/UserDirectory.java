package io.customerservice.http;

import io.customerservice.web.BusClient;
import io.customerservice.contract.Addresses;
import io.customerservice.contract.auth.AuthMessages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.UUID;

/**
 * User data from the authentication service, through the auth proxy, for display. It never
 * fails a request: when the proxy cannot answer, the caller shows what it has and says the user
 * data is partial.
 */
final class UserDirectory {

  private final BusClient bus;

  UserDirectory(BusClient bus) {
    this.bus = bus;
  }

  /** The proxy's answer ({@code {"user", "stale"}}), or null when there is none. */
  Future<JsonObject> user(UUID userId, RoutingContext ctx) {
    return bus.request(Addresses.AUTH_USERS_GET, AuthMessages.getUser(userId, AuthenticatedUser.of(ctx).token()), ctx)
        .otherwise((JsonObject) null);
  }

  /** Users by id ({@code {"users": {id: user}, "complete"}}), in one request; empty and incomplete when there is no answer. */
  Future<JsonObject> users(Collection<UUID> userIds, RoutingContext ctx) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put(AuthMessages.USERS, new JsonObject()).put(AuthMessages.COMPLETE, true));
    }
    return bus.request(Addresses.AUTH_USERS_GET_MANY, AuthMessages.getUsers(userIds, AuthenticatedUser.of(ctx).token()), ctx)
        .otherwise(new JsonObject().put(AuthMessages.USERS, new JsonObject()).put(AuthMessages.COMPLETE, false));
  }
}
