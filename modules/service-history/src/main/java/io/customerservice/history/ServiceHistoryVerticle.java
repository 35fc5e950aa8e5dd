package io.customerservice.history;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.BusEndpoints;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.Settings;
import io.customerservice.database.DataOwnerVerticle;
import io.customerservice.database.Database;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Owns service completions: the {@code history} schema, recording a completed service (history
 * row and customer counters in one transaction) and listing a customer's history. Its table
 * references the customers schema: until a customers role has migrated it once, this verticle
 * waits (not serving) and tries again.
 */
public final class ServiceHistoryVerticle extends DataOwnerVerticle {

  @Override
  protected String schema() {
    return ServiceHistoryRepository.SCHEMA;
  }

  @Override
  protected Future<?> serve(Database database, BusEndpoints endpoints, Settings settings) {
    Duration skew = Duration.ofSeconds(settings.integer(ConfigKeys.HISTORY_MAX_CLOCK_SKEW_SECONDS, 0, 86_400));
    ServiceHistory history = new ServiceHistory(new ServiceHistoryRepository(database.pool()), vertx.eventBus(), skew);
    return Future.all(
        endpoints.serve(Addresses.HISTORY_SERVICE_RECORD, history::record),
        endpoints.serve(Addresses.HISTORY_SERVICE_LIST, history::list));
  }
}
