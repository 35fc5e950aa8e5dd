package io.customerservice.authproxy;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;

/**
 * A cache's counts twice: its own (the proxy's status reports this instance's cache) and in the
 * process's registry under the cache's name, summed over instances (Micrometer's
 * {@code cache_gets_total{cache, result}} and the rest).
 */
final class ReportedStats implements StatsCounter {

  private final StatsCounter own = new ConcurrentStatsCounter();
  private final StatsCounter shared;

  ReportedStats(String cacheName) {
    this.shared = new CaffeineStatsCounter(Metrics.globalRegistry, cacheName);
  }

  @Override
  public void recordHits(int count) {
    own.recordHits(count);
    shared.recordHits(count);
  }

  @Override
  public void recordMisses(int count) {
    own.recordMisses(count);
    shared.recordMisses(count);
  }

  @Override
  public void recordLoadSuccess(long loadTime) {
    own.recordLoadSuccess(loadTime);
    shared.recordLoadSuccess(loadTime);
  }

  @Override
  public void recordLoadFailure(long loadTime) {
    own.recordLoadFailure(loadTime);
    shared.recordLoadFailure(loadTime);
  }

  @Override
  public void recordEviction(int weight, RemovalCause cause) {
    own.recordEviction(weight, cause);
    shared.recordEviction(weight, cause);
  }

  @Override
  public CacheStats snapshot() {
    return own.snapshot();
  }
}
