package io.customerservice.database;

import io.customerservice.runtime.CoalescedLookups;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.function.Function;

/**
 * A data-owning verticle's connections to PostgreSQL. The pool serves transactions and statements
 * that may take a while (pages, counts). {@code lookups} serves short statements by key, pipelined
 * (fewer wake-ups of the database per read) and, through {@link #coalescedLookups}, many keys to
 * a statement (one round trip and one execution for many reads; bench/README.md has the figures).
 * Nothing slow may go there, for whatever waits behind it on its connection waits as long.
 *
 * @param lookupConnections how many connections {@code lookups} has
 * @param waitQueue how many callers may wait for a connection (negative: unbounded)
 */
public record Database(Pool pool, SqlClient lookups, int lookupConnections, int waitQueue) {

  /**
   * Lookups by a unique key through {@code lookups}, many keys to a statement (see
   * {@link CoalescedLookups}), each connection running one such statement at a time.
   * {@code fetch} runs the statement for the keys given, {@code keyOf} reads a document's key.
   */
  public <K> CoalescedLookups<K> coalescedLookups(Context context,
      Function<List<K>, Future<? extends Iterable<JsonObject>>> fetch, Function<JsonObject, K> keyOf) {
    return new CoalescedLookups<>(context, lookupConnections, waitQueue, CoalescedLookups.keyedBy(fetch, keyOf));
  }

  /** Closes both; the process's other users keep them open (they are shared by name). */
  public Future<Void> close() {
    Future<Void> lookupsClosed = lookups == pool ? Future.succeededFuture() : lookups.close();
    return lookupsClosed.eventually(pool::close);
  }
}
