package io.customerservice.http;

import io.customerservice.web.BusClient;
import io.customerservice.contract.Addresses;
import io.customerservice.runtime.CoalescedLookups;
import io.customerservice.contract.auth.AuthMessages;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * User data from the authentication service, through the auth proxy, for display. It never
 * fails a request: when the proxy cannot answer, the caller shows what it has and says the user
 * data is partial.
 *
 * <p>One user's lookups asked during one turn of the event loop travel as one
 * {@code auth.users.get-many} (see {@link CoalescedLookups}): a bus round trip per read was a
 * measurable part of the hot path. A lookup's key is the user and the caller's token; the
 * get-many asks for each user once, with the token of a caller who asked for them: a customer
 * asks only for themselves, staff for anyone, so any such token is one allowed to see that user.
 */
final class UserDirectory {

  /** One caller's lookup of one user. */
  private record Lookup(String userId, String token) {
  }

  private final BusClient bus;
  private final CoalescedLookups<Lookup> users;

  /** {@code context} is the one every call comes from: the HTTP verticle's. */
  UserDirectory(Context context, BusClient bus) {
    this.bus = bus;
    this.users = CoalescedLookups.perTurn(context, this::fetch);
  }

  /** The proxy's answer ({@code {"user", "stale"}}), or null when there is none. */
  Future<JsonObject> user(UUID userId, RoutingContext ctx) {
    return users.find(new Lookup(userId.toString(), AuthenticatedUser.of(ctx).token())).otherwise((JsonObject) null);
  }

  /** Users by id ({@code {"users": {id: user}, "complete"}}), in one request; empty and incomplete when there is no answer. */
  Future<JsonObject> users(Collection<UUID> userIds, RoutingContext ctx) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put(AuthMessages.USERS, new JsonObject()).put(AuthMessages.COMPLETE, true));
    }
    return bus.request(Addresses.AUTH_USERS_GET_MANY, AuthMessages.getUsers(userIds, AuthenticatedUser.of(ctx).token()), ctx)
        .otherwise(new JsonObject().put(AuthMessages.USERS, new JsonObject()).put(AuthMessages.COMPLETE, false));
  }

  /** One get-many for the users of {@code lookups}, its reply cut into one {@code {"user", "stale"}} per lookup answered. */
  private Future<Map<Lookup, JsonObject>> fetch(List<Lookup> lookups) {
    Map<String, String> tokenById = new LinkedHashMap<>();
    lookups.forEach(lookup -> tokenById.putIfAbsent(lookup.userId(), lookup.token()));
    return bus.request(Addresses.AUTH_USERS_GET_MANY, AuthMessages.getUsers(tokenById), null).map(reply -> {
      JsonObject found = reply.getJsonObject(AuthMessages.USERS);
      JsonArray stale = reply.getJsonArray(AuthMessages.STALE_IDS);
      // A proxy older than stale_ids says only whether all were fresh.
      boolean allStale = stale == null && !Boolean.TRUE.equals(reply.getBoolean(AuthMessages.COMPLETE));
      Map<Lookup, JsonObject> answers = new HashMap<>();
      Set<String> given = new HashSet<>();
      for (Lookup lookup : lookups) {
        if (found.getValue(lookup.userId()) instanceof JsonObject user) {
          answers.put(lookup, new JsonObject()
              .put(AuthMessages.USER, given.add(lookup.userId()) ? user : user.copy())
              .put(AuthMessages.STALE, allStale || stale != null && stale.contains(lookup.userId())));
        }
      }
      return answers;
    });
  }
}
