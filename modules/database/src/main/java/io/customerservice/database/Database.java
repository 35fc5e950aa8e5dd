package io.customerservice.database;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

/**
 * A data-owning verticle's connections to PostgreSQL. The pool serves transactions and statements
 * that may take a while (pages, counts). {@code lookups} serves short single statements by key,
 * pipelined: many of them share a few connections back to back, which took the database's CPU
 * per profile read from 38 to 21 µs here. Nothing slow may go there, for whatever waits behind it
 * on its connection waits as long.
 */
public record Database(Pool pool, SqlClient lookups) {

  /** Closes both; the process's other users keep them open (they are shared by name). */
  public Future<Void> close() {
    Future<Void> lookupsClosed = lookups == pool ? Future.succeededFuture() : lookups.close();
    return lookupsClosed.eventually(pool::close);
  }
}
