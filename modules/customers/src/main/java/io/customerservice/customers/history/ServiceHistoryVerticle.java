package io.customerservice.customers.history;

import io.customerservice.contract.Addresses;
import io.customerservice.customers.CustomerSchema;
import io.customerservice.database.DataOwnerVerticle;
import io.customerservice.database.Database;
import io.customerservice.runtime.BusEndpoints;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Serves service completions: recording a completed service (history row and the customer's
 * counters in one transaction) and listing a customer's history. A role of its own, scaled on its
 * own, over the tables of the customer aggregate ({@link CustomerSchema}), which it migrates like
 * the store does.
 */
public final class ServiceHistoryVerticle extends DataOwnerVerticle {

  public static final String HISTORY_MAX_CLOCK_SKEW_SECONDS = "history.max-clock-skew-seconds";

  @Override
  protected String schema() {
    return CustomerSchema.NAME;
  }

  @Override
  protected Future<?> serve(Database database, BusEndpoints endpoints, Settings settings) {
    Duration skew = Duration.ofSeconds(settings.integer(HISTORY_MAX_CLOCK_SKEW_SECONDS, 0, 86_400));
    ServiceHistory history = new ServiceHistory(new ServiceHistoryRepository(database.pool()), vertx.eventBus(), skew);
    return Future.all(
        endpoints.serve(Addresses.HISTORY_SERVICE_RECORD, history::record),
        endpoints.serve(Addresses.HISTORY_SERVICE_LIST, history::list));
  }
}
