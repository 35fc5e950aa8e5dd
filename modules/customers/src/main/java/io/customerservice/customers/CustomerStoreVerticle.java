package io.customerservice.customers;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.InFlight;
import io.customerservice.contract.Responder;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.DatabaseSettings;
import io.customerservice.contract.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Owns the customer data: applies the schema, holds the process's pool and answers the
 * {@code customers.profile.*} addresses. Ready once the schema is current and every consumer is
 * registered; on stop it takes no new requests, lets running ones finish, then releases the pool.
 */
public final class CustomerStoreVerticle extends VerticleBase {

  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private final InFlight inFlight = new InFlight();
  private Pool pool;
  private long graceMs;

  @Override
  public Future<?> start() {
    Settings settings = new Settings(config());
    DatabaseSettings db = DatabaseSettings.from(settings);
    graceMs = settings.integer(ConfigKeys.SHUTDOWN_GRACE_MS, 0, 600_000);
    return vertx.executeBlocking(() -> {
      CustomerSchema.migrate(db);
      return null;
    }).compose(migrated -> {
      pool = DatabasePool.create(vertx, db);
      CustomerStore store = new CustomerStore(new CustomerRepository(pool), vertx.eventBus());
      return Future.all(List.of(
          serve(Addresses.CUSTOMERS_PROFILE_CREATE, store::create),
          serve(Addresses.CUSTOMERS_PROFILE_GET, store::get),
          serve(Addresses.CUSTOMERS_PROFILE_EXISTS, store::exists),
          serve(Addresses.CUSTOMERS_PROFILE_UPDATE, store::update),
          serve(Addresses.CUSTOMERS_PROFILE_REPLACE, store::replace),
          serve(Addresses.CUSTOMERS_PROFILE_DELETE, store::delete),
          serve(Addresses.CUSTOMERS_PROFILE_LIST, store::list),
          serve(Addresses.CUSTOMERS_HEALTH_CHECK, store::health)));
    });
  }

  @Override
  public Future<?> stop() {
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList())
        .transform(unregistered -> inFlight.drained(vertx, graceMs))
        .compose(drained -> pool == null ? Future.succeededFuture() : pool.close());
  }

  private Future<Void> serve(String address, Function<JsonObject, Future<JsonObject>> operation) {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, Responder.replying(inFlight.tracking(operation)));
    consumers.add(consumer);
    return consumer.completion();
  }
}
