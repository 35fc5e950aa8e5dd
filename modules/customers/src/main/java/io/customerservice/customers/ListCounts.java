package io.customerservice.customers;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The list page's exact counts, remembered per filter until a customer is created, changed or
 * deleted anywhere ({@link #forget}, on the store's events, which every store instance of the
 * cluster hears) and at most {@code maxAgeMs} (events are not guaranteed to arrive). The count is
 * most of a filtered page's cost, and it changes only with writes. A count that was running when
 * a write was heard is used for its page but not kept: it may predate the write. Used on one
 * context only.
 */
final class ListCounts {

  /** Filters are few in practice (a city, a flag); this bounds a client that tries every spelling. */
  private static final int MAX_FILTERS = 1024;

  private record Count(long value, long keptAtMs) {
  }

  private final long maxAgeMs;
  private final Map<String, Count> counts = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
      return size() > MAX_FILTERS;
    }
  };
  private long generation;

  /** {@code maxAgeMs} 0: nothing is remembered. */
  ListCounts(long maxAgeMs) {
    this.maxAgeMs = maxAgeMs;
  }

  /** The count of {@code filter} (the statement and its values), remembered or from {@code counting}. */
  Future<Long> count(String filter, Supplier<Future<Long>> counting) {
    long now = System.currentTimeMillis();
    Count kept = counts.get(filter);
    if (kept != null && now - kept.keptAtMs() < maxAgeMs) {
      return Future.succeededFuture(kept.value());
    }
    long startedIn = generation;
    return counting.get().onSuccess(value -> {
      if (maxAgeMs > 0 && generation == startedIn) {
        counts.put(filter, new Count(value, now));
      }
    });
  }

  /** A customer was written: every count may have changed. */
  void forget() {
    generation++;
    counts.clear();
  }
}
