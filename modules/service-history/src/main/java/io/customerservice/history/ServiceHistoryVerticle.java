package io.customerservice.history;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.BusEndpoints;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.DatabaseSettings;
import io.customerservice.contract.config.Settings;
import io.customerservice.database.OwnedSchema;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Duration;

/**
 * Owns service completions: the {@code history} schema, recording a completed service (history
 * row and customer counters in one transaction) and listing a customer's history. It needs the
 * customer schema to exist, so it deploys after the customer store (in another process, after a
 * customers process has started once).
 */
public final class ServiceHistoryVerticle extends VerticleBase {

  private BusEndpoints endpoints;
  private Pool pool;
  private long graceMs;

  @Override
  public Future<?> start() {
    Settings settings = new Settings(config());
    DatabaseSettings db = DatabaseSettings.from(settings);
    Duration skew = Duration.ofSeconds(settings.integer(ConfigKeys.HISTORY_MAX_CLOCK_SKEW_SECONDS, 0, 86_400));
    graceMs = settings.integer(ConfigKeys.SHUTDOWN_GRACE_MS, 0, 600_000);
    endpoints = new BusEndpoints(vertx);
    return OwnedSchema.open(vertx, db, ServiceHistoryRepository.SCHEMA).compose(opened -> {
      pool = opened;
      ServiceHistory history = new ServiceHistory(new ServiceHistoryRepository(pool), vertx.eventBus(), skew);
      return Future.all(
          endpoints.serve(Addresses.HISTORY_SERVICE_RECORD, history::record),
          endpoints.serve(Addresses.HISTORY_SERVICE_LIST, history::list));
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = endpoints == null ? Future.succeededFuture() : endpoints.close(graceMs);
    return closed.compose(drained -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
