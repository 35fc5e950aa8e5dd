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

  /** How long the list page's count of one filter may be remembered at most; 0: never. */
  public static final String CUSTOMERS_LIST_COUNT_MAX_AGE_MS = "customers.list.count-max-age-ms";

  @Override
  protected Future<?> serve(Database database, BusEndpoints endpoints, Settings settings) {
    ListCounts counts = new ListCounts(settings.integer(CUSTOMERS_LIST_COUNT_MAX_AGE_MS, 0, 3_600_000));
    for (String written : List.of(Addresses.CUSTOMERS_EVENTS_CREATED, Addresses.CUSTOMERS_EVENTS_UPDATED, Addresses.CUSTOMERS_EVENTS_DELETED)) {
      vertx.eventBus().consumer(written, event -> counts.forget());
    }
    CustomerStore store = new CustomerStore(new CustomerRepository(database, context, counts), vertx.eventBus());
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
