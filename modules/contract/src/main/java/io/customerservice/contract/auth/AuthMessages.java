package io.customerservice.contract.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shapes of the auth proxy's requests and replies (see docs/event-bus.md). A user is
 * {@code {"id", "email", "first_name", "last_name", "phone_number", "user_role"}}.
 */
public final class AuthMessages {

  public static final String USER_ID = "user_id";
  public static final String IDS = "ids";
  public static final String EMAIL = "email";
  /** Optional on lookups: the caller's bearer token, forwarded when the proxy is set to. */
  public static final String TOKEN = "token";
  /** Optional on get-many: each user's caller token, by user id, in place of {@code token} for that user. */
  public static final String TOKENS = "tokens";
  public static final String USER = "user";
  public static final String USERS = "users";
  /** True when the data is the last known copy, served because the service cannot answer now. */
  public static final String STALE = "stale";
  /** In a get-many reply: false when some user's data could not be had. */
  public static final String COMPLETE = "complete";
  /** In a get-many reply: the ids of the users whose data is the last known copy. */
  public static final String STALE_IDS = "stale_ids";
  public static final String VALID = "valid";
  public static final String CLAIMS = "claims";
  public static final String BREAKER = "breaker";

  /** The members of a user, in the authentication service's spelling. */
  public static final List<String> USER_FIELDS = List.of("id", "email", "first_name", "last_name", "phone_number", "user_role");

  private AuthMessages() {
  }

  public static JsonObject getUser(UUID userId, String token) {
    return withToken(new JsonObject().put(USER_ID, userId.toString()), token);
  }

  public static JsonObject getUsers(Collection<UUID> userIds, String token) {
    JsonArray ids = new JsonArray();
    userIds.forEach(id -> ids.add(id.toString()));
    return withToken(new JsonObject().put(IDS, ids), token);
  }

  /** A get-many for the users of {@code tokenById}, each looked up with its own caller's token (null: none). */
  public static JsonObject getUsers(Map<String, String> tokenById) {
    JsonObject tokens = new JsonObject();
    tokenById.forEach((id, token) -> {
      if (token != null) {
        tokens.put(id, token);
      }
    });
    return new JsonObject().put(IDS, new JsonArray(new ArrayList<>(tokenById.keySet()))).put(TOKENS, tokens);
  }

  public static JsonObject findByEmail(String email, String token) {
    return withToken(new JsonObject().put(EMAIL, email), token);
  }

  public static JsonObject validate(String token) {
    return new JsonObject().put(TOKEN, token);
  }

  public static JsonObject userChanged(UUID userId) {
    return new JsonObject().put(USER_ID, userId.toString());
  }

  private static JsonObject withToken(JsonObject request, String token) {
    return token == null ? request : request.put(TOKEN, token);
  }
}
