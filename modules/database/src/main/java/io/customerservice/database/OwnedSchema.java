package io.customerservice.database;

import io.customerservice.contract.config.DatabaseSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** What a data-owning verticle does first: bring its schema up to date (off the event loop), then take the pool. */
public final class OwnedSchema {

  private OwnedSchema() {
  }

  public static Future<Pool> open(Vertx vertx, DatabaseSettings db, String schema) {
    return vertx.executeBlocking(() -> {
      Migrations.apply(db, schema);
      return null;
    }).map(migrated -> DatabasePool.create(vertx, db));
  }
}
