package io.customerservice.customers;

import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_CREATE;
import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_DELETE;
import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_LIST;
import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_UPDATE;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The list page's count stays exact across writes though it is remembered: every write through
 * any store instance is heard by all of them at once, and a change made behind the store's back
 * shows within the bound.
 */
class ListCountTest {

  private static final JsonObject EUGENE = new JsonObject().put("city", "Eugene");

  @Test
  void everyWriteThroughAnyInstanceShowsInTheNextCount() {
    Vertx vertx = Vertx.vertx();
    try {
      Bus bus = new Bus(vertx);
      Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class,
          new DeploymentOptions().setInstances(2).setConfig(TestConfig.withDefaults(TestPostgres.newDatabase()))));
      UUID first = create(bus, "Eugene");
      create(bus, "Eugene");
      assertCountEverywhere(bus, EUGENE, 2);

      create(bus, "Eugene");
      assertCountEverywhere(bus, EUGENE, 3);

      bus.request(CUSTOMERS_PROFILE_UPDATE, CustomerMessages.update(CustomerKey.ofUser(first), new JsonObject().put("city", "Bend"), null));
      assertCountEverywhere(bus, EUGENE, 2);
      assertCountEverywhere(bus, new JsonObject().put("city", "Bend"), 1);

      bus.request(CUSTOMERS_PROFILE_DELETE, CustomerMessages.delete(CustomerKey.ofUser(first), null));
      assertCountEverywhere(bus, new JsonObject().put("city", "Bend"), 0);
    } finally {
      Bus.await(vertx.close());
    }
  }

  @Test
  void filtersWhoseValuesReadAlikeAreCountedApart() {
    Vertx vertx = Vertx.vertx();
    try {
      Bus bus = new Bus(vertx);
      Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class,
          new DeploymentOptions().setConfig(TestConfig.withDefaults(TestPostgres.newDatabase()))));
      bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(UUID.randomUUID(), Profiles.at("Springfield, state=IL", "OR", "USA")));

      assertEquals(1, count(bus, new JsonObject().put("city", "Springfield, state=IL").put("state", "OR")));
      assertEquals(0, count(bus, new JsonObject().put("city", "Springfield").put("state", "IL, state=OR")),
          "a city holding \", state=\" is no other filter's city and state");
    } finally {
      Bus.await(vertx.close());
    }
  }

  @Test
  void aRowWrittenBehindTheStoresBackIsCountedWithinTheMaximumAge() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Bus bus = new Bus(vertx);
      JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase()).put(CustomerStoreVerticle.CUSTOMERS_LIST_COUNT_MAX_AGE_MS, 300);
      Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config)));
      create(bus, "Eugene");
      assertEquals(1, count(bus, EUGENE));
      DatabaseSettings db = DatabaseSettings.from(new Settings(config));
      try (Connection direct = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement sql = direct.createStatement()) {
        sql.execute("UPDATE customers.customer SET city = 'Bend'");
      }
      Eventually.await("the count of a filter changed in the database alone", () -> count(bus, EUGENE) == 0);
    } finally {
      Bus.await(vertx.close());
    }
  }

  private static UUID create(Bus bus, String city) {
    UUID user = UUID.randomUUID();
    bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, Profiles.at(city, "OR", "USA")));
    return user;
  }

  private static long count(Bus bus, JsonObject filter) {
    return bus.request(CUSTOMERS_PROFILE_LIST, filter.copy()).getLong("count");
  }

  /** Asked several times, so that each instance (the bus takes turns) answers at least once. */
  private static void assertCountEverywhere(Bus bus, JsonObject filter, long expected) {
    for (int i = 0; i < 4; i++) {
      assertEquals(expected, count(bus, filter), "list " + filter.encode() + ", answer " + (i + 1));
    }
  }
}
