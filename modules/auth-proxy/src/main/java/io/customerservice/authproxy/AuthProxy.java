package io.customerservice.authproxy;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.Uuids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The auth proxy's operations, one per address. A lookup answers from the cache, else from the
 * service; when the service cannot answer, from the last known copy (marked stale), else it fails
 * fast with UNAVAILABLE. It never waits longer than the client's timeout.
 */
final class AuthProxy {

  /** More ids than a list page ever shows is a caller's mistake. */
  private static final int MAX_BATCH = 500;

  private final AuthServiceClient service;
  private final LookupCache<UUID> users;
  private final LookupCache<String> emails;
  private final TokenValidations validations;

  AuthProxy(AuthServiceClient service, LookupCache<UUID> users, LookupCache<String> emails, TokenValidations validations) {
    this.service = service;
    this.users = users;
    this.emails = emails;
    this.validations = validations;
  }

  Future<JsonObject> getUser(JsonObject request) {
    FieldErrors errors = new FieldErrors();
    UUID userId = Uuids.parse(request, AuthMessages.USER_ID, errors);
    String token = token(request, errors);
    errors.throwIfAny();
    return lookup(userId, token);
  }

  Future<JsonObject> getUsers(JsonObject request) {
    FieldErrors errors = new FieldErrors();
    String token = token(request, errors);
    JsonObject tokens = tokens(request, errors);
    List<UUID> ids = new ArrayList<>();
    if (!(request.getValue(AuthMessages.IDS) instanceof JsonArray array) || array.size() > MAX_BATCH) {
      errors.add(AuthMessages.IDS, "A list of at most " + MAX_BATCH + " user ids is required.");
    } else {
      for (Object id : array) {
        Uuids.parse(id instanceof String text ? text : null).ifPresentOrElse(ids::add, () -> errors.add(AuthMessages.IDS, "Must be valid UUIDs."));
      }
    }
    errors.throwIfAny();
    List<Future<JsonObject>> lookups = ids.stream().distinct()
        .map(id -> lookup(id, tokens.getValue(id.toString()) instanceof String own ? own : token)).toList();
    return Future.join(lookups).otherwiseEmpty().map(done -> {
      JsonObject found = new JsonObject();
      JsonArray stale = new JsonArray();
      boolean complete = true;
      for (Future<JsonObject> lookup : lookups) {
        if (lookup.succeeded()) {
          JsonObject user = lookup.result().getJsonObject(AuthMessages.USER);
          found.put(user.getString("id"), user);
          if (lookup.result().getBoolean(AuthMessages.STALE)) {
            stale.add(user.getString("id"));
            complete = false;
          }
        } else {
          complete = false;
        }
      }
      return new JsonObject().put(AuthMessages.USERS, found).put(AuthMessages.COMPLETE, complete).put(AuthMessages.STALE_IDS, stale);
    });
  }

  Future<JsonObject> findByEmail(JsonObject request) {
    FieldErrors errors = new FieldErrors();
    String token = token(request, errors);
    Object value = request.getValue(AuthMessages.EMAIL);
    if (!(value instanceof String email) || email.isBlank() || email.length() > 254) {
      errors.add(AuthMessages.EMAIL, "An email address is required.");
      throw ServiceFailure.invalid(errors);
    }
    errors.throwIfAny();
    String key = email.strip().toLowerCase(java.util.Locale.ROOT);
    return answer(emails, key, "an account for " + key, k -> service.fetchUserByEmail(k, token));
  }

  Future<JsonObject> validateToken(JsonObject request) {
    if (!(request.getValue(AuthMessages.TOKEN) instanceof String token) || token.isEmpty() || token.length() > 8192) {
      throw ServiceFailure.invalid(new FieldErrors().add(AuthMessages.TOKEN, "A token is required."));
    }
    return validations.validate(token, service::verify);
  }

  Future<JsonObject> status(JsonObject request) {
    return Future.succeededFuture(new JsonObject().put(AuthMessages.BREAKER, service.breakerState()).put("cache", users.stats()));
  }

  void userChanged(JsonObject event) {
    Uuids.parse(event.getValue(AuthMessages.USER_ID) instanceof String id ? id : null).ifPresent(id -> {
      users.evictUser(id.toString());
      emails.evictUser(id.toString());
    });
  }

  private Future<JsonObject> lookup(UUID userId, String token) {
    return answer(users, userId, "user " + userId, id -> service.fetchUser(id, token));
  }

  /** From the cache or the service; when the service cannot answer, the last known copy, marked stale. */
  private static <K> Future<JsonObject> answer(LookupCache<K> cache, K key, String what, java.util.function.Function<K, Future<AuthServiceClient.UserLookup>> load) {
    return cache.get(key, load).compose(lookup -> {
      if (lookup.found()) {
        return Future.succeededFuture(reply(lookup.user(), false));
      }
      if (!lookup.failed()) {
        return Future.failedFuture(ServiceFailure.notFound("The authentication service has no " + what + "."));
      }
      JsonObject lastKnown = cache.lastKnown(key);
      return lastKnown != null ? Future.succeededFuture(reply(lastKnown, true)) : Future.failedFuture(lookup.failure());
    });
  }

  private static JsonObject reply(JsonObject user, boolean stale) {
    return new JsonObject().put(AuthMessages.USER, user).put(AuthMessages.STALE, stale);
  }

  /** The optional per-user tokens of a get-many: an object of strings by user id. */
  private static JsonObject tokens(JsonObject request, FieldErrors errors) {
    Object value = request.getValue(AuthMessages.TOKENS);
    if (value == null) {
      return new JsonObject();
    }
    if (value instanceof JsonObject tokens && tokens.stream().allMatch(entry -> entry.getValue() instanceof String)) {
      return tokens;
    }
    errors.add(AuthMessages.TOKENS, "Must be an object of tokens (strings) by user id.");
    return new JsonObject();
  }

  private static String token(JsonObject request, FieldErrors errors) {
    Object token = request.getValue(AuthMessages.TOKEN);
    if (token != null && !(token instanceof String)) {
      errors.add(AuthMessages.TOKEN, "Must be a string.");
    }
    return token instanceof String text ? text : null;
  }
}
