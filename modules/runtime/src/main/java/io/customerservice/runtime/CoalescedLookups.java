package io.customerservice.runtime;

import io.customerservice.contract.ServiceFailure;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lookups by one unique key, asked on one event loop, answered together: the keys asked during
 * one turn of the loop go out as one fetch. The customer store fetches by one statement
 * ({@code key = ANY(...)}): PostgreSQL spends most of a single-row select on the statement, not
 * on the row, so a batch of ten costs it little more than one. The HTTP edge fetches by one
 * event-bus request: across processes, each message costs a write, a read and a JSON round trip
 * on both sides, whatever it carries.
 *
 * <p>At most {@code maxInFlight} fetches run at once (for statements, one per connection: more
 * would only queue inside the connections). Keys asked while they run gather, and go out as the
 * next fetch as soon as one returns. A lone lookup on an idle loop waits for nothing but the end
 * of its loop's turn. Waiting keys are bounded by {@code maxWaiting} (negative: unbounded); past
 * it, a lookup fails at once as UNAVAILABLE rather than queue behind a stuck peer.
 *
 * <p>Every call must come from {@code context}, which is what makes the batches safe to share
 * without locks. Each caller gets a document of its own, even when two asked for one key.
 *
 * @param <K> the key's type, compared with equals
 */
public final class CoalescedLookups<K> {

  /** The most keys one fetch carries. */
  private static final int MAX_BATCH = 64;

  private final Context context;
  private final int maxInFlight;
  private final int maxWaiting;
  private final Function<List<K>, Future<? extends Iterable<JsonObject>>> fetch;
  private final Function<JsonObject, K> keyOf;
  private final Map<K, List<Promise<JsonObject>>> waiting = new LinkedHashMap<>();
  private int waitingCallers;
  private int inFlight;
  private boolean sendScheduled;

  /**
   * @param fetch the documents of the keys given (absent keys have none), in one go
   * @param keyOf the key of a document {@code fetch} returned
   */
  public CoalescedLookups(Context context, int maxInFlight, int maxWaiting,
      Function<List<K>, Future<? extends Iterable<JsonObject>>> fetch, Function<JsonObject, K> keyOf) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.context = context;
    this.maxInFlight = maxInFlight;
    this.maxWaiting = maxWaiting;
    this.fetch = fetch;
    this.keyOf = keyOf;
  }

  /**
   * Lookups whose keys go out once per turn, however many fetches already run: a lookup waits for
   * nothing but the end of its turn. For a peer that bounds its own work (the edge's requests to
   * the store and the proxy; limits of 1, 2 and 4 gave the split no better figures).
   */
  public static <K> CoalescedLookups<K> perTurn(Context context,
      Function<List<K>, Future<? extends Iterable<JsonObject>>> fetch, Function<JsonObject, K> keyOf) {
    return new CoalescedLookups<>(context, Integer.MAX_VALUE, -1, fetch, keyOf);
  }

  /** The document with this key, or null when there is none. */
  public Future<JsonObject> find(K key) {
    if (maxWaiting >= 0 && waitingCallers >= maxWaiting) {
      return Future.failedFuture(ServiceFailure.unavailable("Too many reads are waiting, try again later."));
    }
    Promise<JsonObject> promise = Promise.promise();
    waiting.computeIfAbsent(key, k -> new ArrayList<>(1)).add(promise);
    waitingCallers++;
    scheduleSend();
    return promise.future();
  }

  /** At the end of this turn of the loop, so that the keys asked during it share the statement. */
  private void scheduleSend() {
    if (!sendScheduled && inFlight < maxInFlight) {
      sendScheduled = true;
      context.runOnContext(endOfTurn -> {
        sendScheduled = false;
        send();
      });
    }
  }

  private void send() {
    while (!waiting.isEmpty() && inFlight < maxInFlight) {
      Map<K, List<Promise<JsonObject>>> batch = takeBatch();
      inFlight++;
      fetchSafely(new ArrayList<>(batch.keySet())).onComplete(documents -> {
        inFlight--;
        if (documents.succeeded()) {
          answer(batch, documents.result());
        } else {
          batch.values().forEach(waiters -> waiters.forEach(waiter -> waiter.fail(documents.cause())));
        }
        if (!waiting.isEmpty()) {
          scheduleSend();
        }
      });
    }
  }

  private Map<K, List<Promise<JsonObject>>> takeBatch() {
    Map<K, List<Promise<JsonObject>>> batch = new LinkedHashMap<>();
    Iterator<Map.Entry<K, List<Promise<JsonObject>>>> entries = waiting.entrySet().iterator();
    while (entries.hasNext() && batch.size() < MAX_BATCH) {
      Map.Entry<K, List<Promise<JsonObject>>> entry = entries.next();
      batch.put(entry.getKey(), entry.getValue());
      waitingCallers -= entry.getValue().size();
      entries.remove();
    }
    return batch;
  }

  private Future<? extends Iterable<JsonObject>> fetchSafely(List<K> keys) {
    try {
      return fetch.apply(keys);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void answer(Map<K, List<Promise<JsonObject>>> batch, Iterable<JsonObject> documents) {
    Map<K, JsonObject> byKey = new HashMap<>();
    documents.forEach(document -> byKey.put(keyOf.apply(document), document));
    batch.forEach((key, waiters) -> {
      JsonObject document = byKey.get(key);
      waiters.get(0).complete(document);
      for (int i = 1; i < waiters.size(); i++) {
        waiters.get(i).complete(document == null ? null : document.copy());
      }
    });
  }
}
