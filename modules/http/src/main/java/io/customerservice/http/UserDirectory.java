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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * User data from the authentication service, through the auth proxy, for display. It never
 * fails a request: when the proxy cannot answer, the caller shows what it has and says the user
 * data is partial.
 *
 * <p>One user's lookups asked during one turn of the event loop travel as one
 * {@code auth.users.get-many} (see {@link CoalescedLookups}): a bus round trip per read was a
 * measurable part of the hot path. Each user is looked up with the token of
 * the first caller who asked for them in that turn: a customer asks only for themselves, staff for
 * anyone, so that token is always one allowed to see that user.
 */
final class UserDirectory {

  private final BusClient bus;
  private final CoalescedLookups<String> users;
  /** The caller tokens of the users asked for and not yet sent, by user id. */
  private final Map<String, String> tokens = new HashMap<>();

  /** {@code context} is the one every call comes from: the HTTP verticle's. */
  UserDirectory(Context context, BusClient bus) {
    this.bus = bus;
    this.users = CoalescedLookups.perTurn(context, this::fetch,
        answer -> answer.getJsonObject(AuthMessages.USER).getString("id"));
  }

  /** The proxy's answer ({@code {"user", "stale"}}), or null when there is none. */
  Future<JsonObject> user(UUID userId, RoutingContext ctx) {
    String id = userId.toString();
    tokens.putIfAbsent(id, AuthenticatedUser.of(ctx).token());
    return users.find(id).otherwise((JsonObject) null);
  }

  /** Users by id ({@code {"users": {id: user}, "complete"}}), in one request; empty and incomplete when there is no answer. */
  Future<JsonObject> users(Collection<UUID> userIds, RoutingContext ctx) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put(AuthMessages.USERS, new JsonObject()).put(AuthMessages.COMPLETE, true));
    }
    return bus.request(Addresses.AUTH_USERS_GET_MANY, AuthMessages.getUsers(userIds, AuthenticatedUser.of(ctx).token()), ctx)
        .otherwise(new JsonObject().put(AuthMessages.USERS, new JsonObject()).put(AuthMessages.COMPLETE, false));
  }

  /** One get-many for {@code ids}, its reply cut into one {@code {"user", "stale"}} per user found. */
  private Future<List<JsonObject>> fetch(List<String> ids) {
    Map<String, String> tokenById = new LinkedHashMap<>();
    ids.forEach(id -> tokenById.put(id, tokens.remove(id)));
    return bus.request(Addresses.AUTH_USERS_GET_MANY, AuthMessages.getUsers(tokenById), null).map(reply -> {
      JsonObject found = reply.getJsonObject(AuthMessages.USERS);
      JsonArray stale = reply.getJsonArray(AuthMessages.STALE_IDS);
      // A proxy older than stale_ids says only whether all were fresh.
      boolean allStale = stale == null && !Boolean.TRUE.equals(reply.getBoolean(AuthMessages.COMPLETE));
      List<JsonObject> answers = new ArrayList<>(found.size());
      found.forEach(entry -> answers.add(new JsonObject()
          .put(AuthMessages.USER, entry.getValue())
          .put(AuthMessages.STALE, allStale || stale != null && stale.contains(entry.getKey()))));
      return answers;
    });
  }
}
