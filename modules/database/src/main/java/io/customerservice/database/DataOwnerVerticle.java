package io.customerservice.database;

import io.customerservice.runtime.BusEndpoints;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * A verticle that owns data in PostgreSQL: it brings its schema up to date, takes the process's
 * connections and answers its addresses; it is ready once every address is registered. On stop it takes
 * no new requests, lets the running ones finish (up to {@code shutdown.grace-ms}), then releases
 * the connections. Subclasses say which schema and which addresses.
 */
public abstract class DataOwnerVerticle extends VerticleBase {

  private BusEndpoints endpoints;
  private Database database;
  private long graceMs;

  /** The schema this verticle migrates (its migrations are under classpath:db/<schema>). */
  protected abstract String schema();

  /** Registers the addresses, once the schema is current; completes when they all are. */
  protected abstract Future<?> serve(Database database, BusEndpoints endpoints, Settings settings);

  @Override
  public final Future<?> start() {
    Settings settings = new Settings(config());
    graceMs = settings.shutdownGraceMs();
    endpoints = new BusEndpoints(vertx);
    return OwnedSchema.openWithLookups(vertx, DatabaseSettings.from(settings), schema()).compose(opened -> {
      database = opened;
      return serve(database, endpoints, settings);
    }).onFailure(failed -> {
      if (database != null) {
        database.close();
      }
    });
  }

  @Override
  public final Future<?> stop() {
    Future<Void> closed = endpoints == null ? Future.succeededFuture() : endpoints.close(graceMs);
    return closed.compose(drained -> database == null ? Future.succeededFuture() : database.close());
  }
}
