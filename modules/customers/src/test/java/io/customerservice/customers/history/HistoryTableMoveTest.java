package io.customerservice.customers.history;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database from before the history table joined the customers schema: its rows, counters and
 * idempotency keys are there after the upgrade, and recording goes on from them.
 */
class HistoryTableMoveTest {

  @Test
  void anUpgradedDatabaseKeepsItsHistoryAndItsIdempotencyKeys() throws Exception {
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase());
    DatabaseSettings db = DatabaseSettings.from(new Settings(config));
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas("customers").createSchemas(true)
        .locations("classpath:db/customers").target("2").load().migrate();
    String customerId;
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
      // What the history role's own migration used to create, with one recorded service.
      s.execute("CREATE SCHEMA history");
      s.execute("CREATE TABLE history.service_history (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer_id uuid NOT NULL,"
          + " service_date timestamptz NOT NULL, service_type varchar(50), reference varchar(100), idempotency_key varchar(255),"
          + " recorded_by varchar(100) NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),"
          + " CONSTRAINT service_history_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers.customer (id) ON DELETE CASCADE,"
          + " CONSTRAINT service_history_idempotency_key_key UNIQUE (idempotency_key))");
      try (ResultSet inserted = s.executeQuery("INSERT INTO customers.customer (user_id, street_address, city, state, postal_code,"
          + " country, total_services, last_service_date) VALUES (gen_random_uuid(), '1 Main St', 'Portland', 'OR', '97201', 'USA',"
          + " 1, '2026-01-02T03:04:05Z') RETURNING id")) {
        inserted.next();
        customerId = inserted.getString(1);
      }
      s.execute("INSERT INTO history.service_history (customer_id, service_date, idempotency_key, recorded_by)"
          + " VALUES ('" + customerId + "', '2026-01-02T03:04:05Z', 'job-1', 'scheduler')");
    }

    Vertx vertx = Vertx.vertx();
    Bus bus = new Bus(vertx);
    try {
      Bus.await(vertx.deployVerticle(new ServiceHistoryVerticle(), new DeploymentOptions().setConfig(config)));
      Bus.await(vertx.deployVerticle(new CustomerStoreVerticle(), new DeploymentOptions().setConfig(config)));
      JsonObject id = new JsonObject().put("id", customerId);
      assertEquals(1, bus.request(HISTORY_SERVICE_LIST, id).getLong("count"), "the old row is listed");
      JsonObject retry = new JsonObject().put("customer_id", customerId).put("idempotency_key", "job-1");
      assertTrue(bus.request(HISTORY_SERVICE_RECORD, retry).getBoolean(io.customerservice.contract.history.HistoryMessages.REPLAYED), "the old key still answers as a replay");
      bus.request(HISTORY_SERVICE_RECORD, new JsonObject().put("customer_id", customerId).put("idempotency_key", "job-2"));
      assertEquals(2, bus.request(CUSTOMERS_PROFILE_GET, id).getInteger("total_services"));
      assertEquals(2, bus.request(HISTORY_SERVICE_LIST, id).getLong("count"));
    } finally {
      Bus.await(vertx.close());
    }
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement();
        ResultSet left = s.executeQuery("SELECT to_regclass('history.service_history') IS NULL")) {
      left.next();
      assertTrue(left.getBoolean(1), "the table moved, not copied");
    }
  }
}
