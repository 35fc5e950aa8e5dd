package io.customerservice.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import java.time.Duration;

/**
 * Access tokens whose signature and claims were already checked, each until it expires. The
 * frontend sends the same token on every page for its whole lifetime, and checking it again
 * (base64, JSON, HMAC) on every request is work that can be skipped. A token maps to the caller its claims
 * describe, which nothing can change while the token is valid; refused tokens are never kept.
 */
final class VerifiedTokens {

  private record Verified(AuthenticatedUser user, long validUntilMillis) {
  }

  private final Cache<String, Verified> cache;
  private final boolean enabled;

  VerifiedTokens(int maxSize) {
    this.enabled = maxSize > 0;
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxSize)
        .expireAfter(Expiry.<String, Verified>creating((token, verified) ->
            Duration.ofMillis(Math.max(0, verified.validUntilMillis() - System.currentTimeMillis()))))
        // Eviction bookkeeping on the caller's thread: no executor hop from the event loop.
        .executor(Runnable::run)
        .recordStats(() -> new CaffeineStatsCounter(Metrics.globalRegistry, "http.verified-tokens"))
        .build();
  }

  /** The caller of a token verified before and still valid, or null. */
  AuthenticatedUser get(String token) {
    Verified verified = cache.getIfPresent(token);
    return verified != null && System.currentTimeMillis() < verified.validUntilMillis() ? verified.user() : null;
  }

  /** Remembers a verified token until {@code validUntilMillis} (its exp plus the leeway). */
  void put(String token, AuthenticatedUser user, long validUntilMillis) {
    if (enabled) {
      cache.put(token, new Verified(user, validUntilMillis));
    }
  }
}
