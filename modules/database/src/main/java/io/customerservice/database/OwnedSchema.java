package io.customerservice.database;

import io.customerservice.runtime.config.DatabaseSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** What a data-owning verticle does first: bring its schema up to date (off the event loop), then take the pool. */
public final class OwnedSchema {

  private OwnedSchema() {
  }

  public static Future<Pool> open(Vertx vertx, DatabaseSettings db, String schema) {
    return migrate(vertx, db, schema).map(migrated -> DatabasePool.create(vertx, db));
  }

  /** The same, with the pipelined client for lookups beside the pool. */
  public static Future<Database> openWithLookups(Vertx vertx, DatabaseSettings db, String schema) {
    return migrate(vertx, db, schema).map(migrated -> DatabasePool.open(vertx, db));
  }

  private static Future<Void> migrate(Vertx vertx, DatabaseSettings db, String schema) {
    return vertx.executeBlocking(() -> {
      Migrations.apply(db, schema);
      return null;
    });
  }
}
