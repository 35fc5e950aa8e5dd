package io.customerservice.customers;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.BusEndpoints;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.DatabaseSettings;
import io.customerservice.contract.config.Settings;
import io.customerservice.database.OwnedSchema;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * Owns the customer data: applies the schema, holds the process's pool and answers the
 * {@code customers.profile.*} addresses. Ready once the schema is current and every consumer is
 * registered; on stop it takes no new requests, lets running ones finish, then releases the pool.
 */
public final class CustomerStoreVerticle extends VerticleBase {

  private BusEndpoints endpoints;
  private Pool pool;
  private long graceMs;

  @Override
  public Future<?> start() {
    Settings settings = new Settings(config());
    DatabaseSettings db = DatabaseSettings.from(settings);
    graceMs = settings.integer(ConfigKeys.SHUTDOWN_GRACE_MS, 0, 600_000);
    endpoints = new BusEndpoints(vertx);
    return OwnedSchema.open(vertx, db, CustomerRepository.SCHEMA).compose(opened -> {
      pool = opened;
      CustomerStore store = new CustomerStore(new CustomerRepository(pool), vertx.eventBus());
      return Future.all(List.of(
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_CREATE, store::create),
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_GET, store::get),
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_EXISTS, store::exists),
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_UPDATE, store::update),
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_REPLACE, store::replace),
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_DELETE, store::delete),
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_LIST, store::list),
          endpoints.serve(Addresses.CUSTOMERS_PROFILE_IMPORT, store::importBatch),
          endpoints.serve(Addresses.CUSTOMERS_HEALTH_CHECK, store::health)));
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = endpoints == null ? Future.succeededFuture() : endpoints.close(graceMs);
    return closed.compose(drained -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
