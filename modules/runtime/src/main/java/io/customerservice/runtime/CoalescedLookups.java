package io.customerservice.runtime;

import io.customerservice.contract.ServiceFailure;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
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
 * it, a lookup, or a group whose keys would not all fit, fails at once as UNAVAILABLE rather than
 * queue behind a stuck peer.
 *
 * <p>{@link #findAll} enters a group of keys at once (a get-many): they travel in the same fetches
 * as everyone else's, and the group is answered once, when its last key is. Every call must come
 * from {@code context}, which is what makes the batches safe to share without locks. Each caller
 * gets a document of its own, even when two asked for one key.
 *
 * @param <K> the key's type, compared with equals
 */
public final class CoalescedLookups<K> {

  /** The most keys one fetch carries. */
  private static final int MAX_BATCH = 64;

  private final Context context;
  private final int maxInFlight;
  private final int maxWaiting;
  private final Function<List<K>, Future<Map<K, JsonObject>>> fetch;
  private final Map<K, List<Waiter<K>>> waiting = new LinkedHashMap<>();
  private int waitingCallers;
  private int inFlight;
  private boolean sendScheduled;

  /** @param fetch the documents of the keys given, by key (absent keys have none), in one go */
  public CoalescedLookups(Context context, int maxInFlight, int maxWaiting,
      Function<List<K>, Future<Map<K, JsonObject>>> fetch) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.context = context;
    this.maxInFlight = maxInFlight;
    this.maxWaiting = maxWaiting;
    this.fetch = fetch;
  }

  /**
   * Lookups whose keys go out once per turn, however many fetches already run: a lookup waits for
   * nothing but the end of its turn. For a peer that bounds its own work (the edge's requests to
   * the store and the proxy, where limiting the fetches in flight gave the split nothing).
   */
  public static <K> CoalescedLookups<K> perTurn(Context context, Function<List<K>, Future<Map<K, JsonObject>>> fetch) {
    return new CoalescedLookups<>(context, Integer.MAX_VALUE, -1, fetch);
  }

  /**
   * A fetch by key from one that returns documents, each carrying its key ({@code keyOf}): for a
   * key the document itself holds, such as a statement's primary key.
   */
  public static <K> Function<List<K>, Future<Map<K, JsonObject>>> keyedBy(
      Function<List<K>, Future<? extends Iterable<JsonObject>>> fetch, Function<JsonObject, K> keyOf) {
    return keys -> fetch.apply(keys).map(documents -> {
      Map<K, JsonObject> byKey = new HashMap<>();
      documents.forEach(document -> byKey.put(keyOf.apply(document), document));
      return byKey;
    });
  }

  /** The document with this key, or null when there is none. */
  public Future<JsonObject> find(K key) {
    if (full(1)) {
      return refused();
    }
    Promise<JsonObject> promise = Promise.promise();
    enter(key, new Single<>(promise));
    scheduleSend(callersContext());
    return promise.future();
  }

  /** The documents of these keys that exist, by key; fails as a whole when a fetch of one fails. */
  public Future<Map<K, JsonObject>> findAll(Collection<K> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    if (full(keys.size())) {
      return refused();
    }
    Group<K> group = new Group<>(keys.size());
    keys.forEach(key -> enter(key, group));
    scheduleSend(callersContext());
    return group.promise.future();
  }

  /**
   * Whether {@code keys} more would wait past the bound: a group is refused whole, never in part.
   * A group larger than the bound itself fits when nothing else waits, or it could never be read.
   */
  private boolean full(int keys) {
    return maxWaiting >= 0 && waitingCallers + keys > Math.max(maxWaiting, keys);
  }

  private static <T> Future<T> refused() {
    return Future.failedFuture(ServiceFailure.unavailable("Too many reads are waiting, try again later."));
  }

  private void enter(K key, Waiter<K> waiter) {
    waiting.computeIfAbsent(key, k -> new ArrayList<>(1)).add(waiter);
    waitingCallers++;
  }

  /**
   * The context of a lookup's caller (a request's copy of the verticle's), so that a fetch it
   * opens is traced as part of that request.
   */
  private Context callersContext() {
    Context caller = Vertx.currentContext();
    return caller != null ? caller : context;
  }

  /**
   * At the end of this turn of the loop, so that the keys asked during it share the statement. A
   * fetch sent when an earlier one returns goes from the verticle's own context: it serves the
   * keys gathered meanwhile, not the request whose fetch just returned.
   */
  private void scheduleSend(Context on) {
    if (!sendScheduled && inFlight < maxInFlight) {
      sendScheduled = true;
      on.runOnContext(endOfTurn -> {
        sendScheduled = false;
        send();
      });
    }
  }

  private void send() {
    while (!waiting.isEmpty() && inFlight < maxInFlight) {
      Map<K, List<Waiter<K>>> batch = takeBatch();
      inFlight++;
      fetchSafely(new ArrayList<>(batch.keySet())).onComplete(documents -> {
        inFlight--;
        if (documents.succeeded()) {
          answer(batch, documents.result());
        } else {
          batch.values().forEach(waiters -> waiters.forEach(waiter -> waiter.fail(documents.cause())));
        }
        if (!waiting.isEmpty()) {
          scheduleSend(context);
        }
      });
    }
  }

  private Map<K, List<Waiter<K>>> takeBatch() {
    Map<K, List<Waiter<K>>> batch = new LinkedHashMap<>();
    Iterator<Map.Entry<K, List<Waiter<K>>>> entries = waiting.entrySet().iterator();
    while (entries.hasNext() && batch.size() < MAX_BATCH) {
      Map.Entry<K, List<Waiter<K>>> entry = entries.next();
      batch.put(entry.getKey(), entry.getValue());
      waitingCallers -= entry.getValue().size();
      entries.remove();
    }
    return batch;
  }

  private Future<Map<K, JsonObject>> fetchSafely(List<K> keys) {
    try {
      return fetch.apply(keys);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void answer(Map<K, List<Waiter<K>>> batch, Map<K, JsonObject> byKey) {
    batch.forEach((key, waiters) -> {
      JsonObject document = byKey.get(key);
      waiters.get(0).answer(key, document);
      for (int i = 1; i < waiters.size(); i++) {
        waiters.get(i).answer(key, document == null ? null : document.copy());
      }
    });
  }

  /** Who waits for a key: a lone lookup, or one key of a group's. */
  private interface Waiter<K> {

    void answer(K key, JsonObject document);

    void fail(Throwable cause);
  }

  private record Single<K>(Promise<JsonObject> promise) implements Waiter<K> {

    @Override
    public void answer(K key, JsonObject document) {
      promise.complete(document);
    }

    @Override
    public void fail(Throwable cause) {
      promise.fail(cause);
    }
  }

  /** A get-many's keys: answered once, when its last key is; failed by the first failed fetch. */
  private static final class Group<K> implements Waiter<K> {

    private final Promise<Map<K, JsonObject>> promise = Promise.promise();
    private final Map<K, JsonObject> found;
    private int unanswered;

    Group(int keys) {
      this.found = new LinkedHashMap<>(keys * 2);
      this.unanswered = keys;
    }

    @Override
    public void answer(K key, JsonObject document) {
      if (document != null) {
        found.put(key, document);
      }
      if (--unanswered == 0) {
        promise.tryComplete(found);
      }
    }

    @Override
    public void fail(Throwable cause) {
      promise.tryFail(cause);
    }
  }
}
