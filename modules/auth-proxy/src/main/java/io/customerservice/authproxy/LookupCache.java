package io.customerservice.authproxy;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.customerservice.authproxy.AuthServiceClient.UserLookup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Function;

/**
 * Users by a key (id or email). A Caffeine async cache bound to the verticle's context:
 * concurrent misses for one key share one load (one HTTP call), a found user lives {@code ttl},
 * "no such user" {@code notFoundTtl}, and failed loads are not kept. Beside it, the last known
 * copy of each user lives longer, to be served (marked stale) while the service cannot answer.
 */
final class LookupCache<K> {

  private final AsyncCache<K, UserLookup> fresh;
  private final Cache<K, JsonObject> lastKnown;
  private final Context context;

  /** {@code name}: the cache's name in the metrics. */
  LookupCache(Context context, AuthProxySettings settings, String name) {
    this.context = context;
    this.fresh = Caffeine.newBuilder()
        .maximumSize(settings.cacheMaxSize())
        .expireAfter(new LookupExpiry<K>(settings.cacheTtl(), settings.notFoundTtl()))
        .executor(command -> context.runOnContext(v -> command.run()))
        .recordStats(() -> new ReportedStats(name))
        .buildAsync();
    this.lastKnown = Caffeine.newBuilder()
        .maximumSize(settings.cacheMaxSize())
        .expireAfterWrite(settings.staleTtl())
        .build();
  }

  /** The cached lookup, or the one {@code load} makes (shared by concurrent callers). */
  Future<UserLookup> get(K key, Function<K, Future<UserLookup>> load) {
    return Future.fromCompletionStage(fresh.get(key, (id, executor) ->
        load.apply(id).andThen(done -> {
          if (done.succeeded() && done.result().found()) {
            lastKnown.put(id, done.result().user());
          }
        }).toCompletionStage().toCompletableFuture()), context);
  }

  /** The last copy seen of a user, however old, or null. */
  JsonObject lastKnown(K key) {
    return lastKnown.getIfPresent(key);
  }

  /** Drops every entry of the user with this id, whatever its key. */
  void evictUser(String userId) {
    fresh.synchronous().asMap().entrySet().removeIf(entry -> entry.getValue().found() && userId.equals(entry.getValue().user().getString("id")));
    lastKnown.asMap().entrySet().removeIf(entry -> userId.equals(entry.getValue().getString("id")));
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
  private static final class LookupExpiry<K> implements ExpiryOnWrite<K, UserLookup> {
    private final Duration ttl;
    private final Duration notFoundTtl;

    LookupExpiry(Duration ttl, Duration notFoundTtl) {
      this.ttl = ttl;
      this.notFoundTtl = notFoundTtl;
    }

    @Override
    public long expireAfterCreate(K key, UserLookup value, long currentTime) {
      if (value.failed()) {
        return 0;
      }
      return (value.found() ? ttl : notFoundTtl).toNanos();
    }
  }
}
