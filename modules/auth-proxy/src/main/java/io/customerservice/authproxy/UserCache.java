package io.customerservice.authproxy;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.customerservice.authproxy.AuthServiceClient.UserLookup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * Users by id. A Caffeine async cache bound to the verticle's context: concurrent misses for one
 * user share one load (one HTTP call), a found user lives {@code ttl}, "no such user"
 * {@code notFoundTtl}, and failed loads are not kept. Beside it, the last known copy of each user
 * lives longer, to be served (marked stale) while the service cannot answer.
 */
final class UserCache {

  private final AsyncCache<UUID, UserLookup> fresh;
  private final Cache<UUID, JsonObject> lastKnown;
  private final Context context;

  UserCache(Context context, AuthProxySettings settings) {
    this.context = context;
    this.fresh = Caffeine.newBuilder()
        .maximumSize(settings.cacheMaxSize())
        .expireAfter(new LookupExpiry(settings.cacheTtl(), settings.notFoundTtl()))
        .executor(command -> context.runOnContext(v -> command.run()))
        .recordStats()
        .buildAsync();
    this.lastKnown = Caffeine.newBuilder()
        .maximumSize(settings.cacheMaxSize())
        .expireAfterWrite(settings.staleTtl())
        .build();
  }

  /** The cached lookup, or the one {@code load} makes (shared by concurrent callers). */
  Future<UserLookup> get(UUID userId, Function<UUID, Future<UserLookup>> load) {
    return Future.fromCompletionStage(fresh.get(userId, (id, executor) ->
        load.apply(id).andThen(done -> {
          if (done.succeeded() && done.result().found()) {
            lastKnown.put(id, done.result().user());
          }
        }).toCompletionStage().toCompletableFuture()), context);
  }

  /** The last copy seen of a user, however old, or null. */
  JsonObject lastKnown(UUID userId) {
    return lastKnown.getIfPresent(userId);
  }

  void evict(UUID userId) {
    fresh.synchronous().invalidate(userId);
    lastKnown.invalidate(userId);
  }

  JsonObject stats() {
    var stats = fresh.synchronous().stats();
    return new JsonObject()
        .put("size", fresh.synchronous().estimatedSize())
        .put("hits", stats.hitCount())
        .put("misses", stats.missCount())
        .put("hit_rate", stats.hitRate());
  }

  /** Found users and "no such user" answers expire after their own durations; failures at once. */
  private record LookupExpiry(Duration ttl, Duration notFoundTtl) implements ExpiryOnWrite<UUID, UserLookup> {
    @Override
    public long expireAfterCreate(UUID key, UserLookup value, long currentTime) {
      if (value.failed()) {
        return 0;
      }
      return (value.found() ? ttl : notFoundTtl).toNanos();
    }
  }
}
