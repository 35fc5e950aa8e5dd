package io.customerservice.customers;

import io.customerservice.contract.Addresses;
import io.customerservice.runtime.BusEndpoints;
import io.customerservice.runtime.config.Settings;
import io.customerservice.database.DataOwnerVerticle;
import io.customerservice.database.Database;
import io.vertx.core.Future;
import java.util.List;

/** Owns the customer data: the {@code customers} schema and the {@code customers.profile.*} addresses. */
public final class CustomerStoreVerticle extends DataOwnerVerticle {

  @Override
  protected String schema() {
    return CustomerSchema.NAME;
  }

  @Override
  protected Future<?> serve(Database database, BusEndpoints endpoints, Settings settings) {
    CustomerStore store = new CustomerStore(new CustomerRepository(database, context), vertx.eventBus());
    return Future.all(List.of(
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_CREATE, store::create),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_GET, store::get),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_GET_MANY, store::getMany),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_EXISTS, store::exists),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_UPDATE, store::update),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_REPLACE, store::replace),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_DELETE, store::delete),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_LIST, store::list),
        endpoints.serve(Addresses.CUSTOMERS_PROFILE_IMPORT, store::importBatch),
        endpoints.serve(Addresses.CUSTOMERS_HEALTH_CHECK, store::health)));
  }
}
