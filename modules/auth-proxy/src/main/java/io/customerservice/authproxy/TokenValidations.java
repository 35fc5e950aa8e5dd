package io.customerservice.authproxy;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.customerservice.contract.auth.AuthMessages;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;

/**
 * Remote validation results, cached until the token's own expiry (a refusal for a minute). The
 * key is a SHA-256 of the whole token, never its {@code jti}: a forged token reusing a valid
 * token's id must not find that token's "valid".
 */
final class TokenValidations {

  private static final Duration REFUSAL_TTL = Duration.ofMinutes(1);
  private static final JsonObject INVALID = new JsonObject().put(AuthMessages.VALID, false);

  private final AsyncCache<String, JsonObject> results;
  private final Context context;

  TokenValidations(Context context, int maxSize) {
    this.context = context;
    this.results = Caffeine.newBuilder()
        .maximumSize(maxSize)
        .expireAfter(new UntilTokenExpiry())
        .executor(command -> context.runOnContext(v -> command.run()))
        .recordStats(() -> new CaffeineStatsCounter(Metrics.globalRegistry, "auth-proxy.token-validations"))
        .buildAsync();
  }

  /** {@code {"valid": true, "claims": {...}}} or {@code {"valid": false}}; {@code verify} asks the service. */
  Future<JsonObject> validate(String token, Function<String, Future<Boolean>> verify) {
    JsonObject claims = claimsOf(token);
    if (claims == null) {
      return Future.succeededFuture(INVALID);
    }
    return Future.fromCompletionStage(results.get(sha256(token), (key, executor) ->
        verify.apply(token).map(valid -> valid
            ? new JsonObject().put(AuthMessages.VALID, true).put(AuthMessages.CLAIMS, claims)
            : INVALID).toCompletionStage().toCompletableFuture()), context);
  }

  /** The payload of a JWT, unverified (the service verifies it), or null when it is not one. */
  private static JsonObject claimsOf(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static String sha256(String token) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class UntilTokenExpiry implements ExpiryOnWrite<String, JsonObject> {
    @Override
    public long expireAfterCreate(String key, JsonObject value, long currentTime) {
      if (!value.getBoolean(AuthMessages.VALID)) {
        return REFUSAL_TTL.toNanos();
      }
      Object exp = value.getJsonObject(AuthMessages.CLAIMS).getValue("exp");
      long seconds = exp instanceof Number n ? n.longValue() - Instant.now().getEpochSecond() : 0;
      return Duration.ofSeconds(Math.max(0, seconds)).toNanos();
    }
  }
}
