package io.customerservice.database;

import io.customerservice.contract.BusEndpoints;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.DatabaseSettings;
import io.customerservice.contract.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;

/**
 * A verticle that owns data in PostgreSQL: it brings its schema up to date, takes the process's
 * pool and answers its addresses; it is ready once every address is registered. On stop it takes
 * no new requests, lets the running ones finish (up to {@code shutdown.grace-ms}), then releases
 * the pool. Subclasses say which schema and which addresses.
 */
public abstract class DataOwnerVerticle extends VerticleBase {

  private BusEndpoints endpoints;
  private Pool pool;
  private long graceMs;

  /** The schema this verticle migrates (its migrations are under classpath:db/<schema>). */
  protected abstract String schema();

  /** Registers the addresses, once the schema is current; completes when they all are. */
  protected abstract Future<?> serve(Pool pool, BusEndpoints endpoints, Settings settings);

  @Override
  public final Future<?> start() {
    Settings settings = new Settings(config());
    DatabaseSettings db = DatabaseSettings.from(settings);
    graceMs = settings.integer(ConfigKeys.SHUTDOWN_GRACE_MS, 0, 600_000);
    endpoints = new BusEndpoints(vertx);
    return OwnedSchema.open(vertx, db, schema()).compose(opened -> {
      pool = opened;
      return serve(pool, endpoints, settings);
    });
  }

  @Override
  public final Future<?> stop() {
    Future<Void> closed = endpoints == null ? Future.succeededFuture() : endpoints.close(graceMs);
    return closed.compose(drained -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
