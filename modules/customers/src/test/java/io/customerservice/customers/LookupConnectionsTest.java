package io.customerservice.customers;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.customer.CustomerField;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads by key go through the pipelined lookup connections, or through the pool when there are
 * none; either way a read returns the document as written, in the API's field order, and the
 * store releases its connections when undeployed. With {@code db.socket-dir} the connections go
 * through PostgreSQL's Unix-domain socket instead of TCP.
 */
class LookupConnectionsTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void readsReturnTheStoredDocumentInFieldOrder(int lookupConnections) {
    Vertx vertx = Vertx.vertx();
    try {
      Bus bus = new Bus(vertx);
      JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase()).put(DatabaseSettings.DB_POOL_LOOKUP_CONNECTIONS, lookupConnections);
      String deployment = Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config)));
      UUID user = UUID.randomUUID();
      JsonObject created = bus.request(CUSTOMERS_PROFILE_CREATE,
          CustomerMessages.create(user, Profiles.portland().put("company_name", "Acme Plumbing")));

      JsonObject byUser = bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user)));
      JsonObject byId = bus.request(CUSTOMERS_PROFILE_GET,
          CustomerMessages.get(CustomerKey.ofId(UUID.fromString(created.getString("id")))));

      assertEquals(created.encode(), byUser.encode(), "same fields, same values, same order");
      assertEquals(created.encode(), byId.encode());
      List<String> order = Arrays.stream(CustomerField.values()).map(CustomerField::json).toList();
      assertEquals(order, List.copyOf(byUser.fieldNames()));
      assertTrue(byUser.getBoolean("is_business_customer"));
      Bus.await(vertx.undeploy(deployment));
    } finally {
      Bus.await(vertx.close());
    }
  }

  @Test
  void withASocketDirectoryTheStoreTalksToPostgresOverTheUnixSocket() throws SQLException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    try {
      Bus bus = new Bus(vertx);
      JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase()).put(DatabaseSettings.DB_SOCKET_DIR, TestPostgres.socketDir());
      Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config)));
      UUID user = UUID.randomUUID();
      JsonObject created = bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, Profiles.portland()));

      assertEquals(created.encode(), bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))).encode());
      try (Connection admin = TestPostgres.superuser();
           PreparedStatement clients = admin.prepareStatement(
               "SELECT count(*) FILTER (WHERE client_addr IS NULL), count(*) FILTER (WHERE client_addr IS NOT NULL)"
                   + " FROM pg_stat_activity WHERE datname = ? AND backend_type = 'client backend'")) {
        clients.setString(1, config.getString(DatabaseSettings.DB_DATABASE));
        ResultSet counts = clients.executeQuery();
        assertTrue(counts.next());
        assertTrue(counts.getInt(1) >= 2, "the pool's and the lookups' connections came through the socket");
        assertEquals(0, counts.getInt(2), "no connection of the store's came over TCP");
      }
    } finally {
      Bus.await(vertx.close());
    }
  }

  @Test
  void aSocketDirectoryWithoutTheNativeTransportStopsTheStoreFromStarting() {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
    try {
      JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase()).put(DatabaseSettings.DB_SOCKET_DIR, TestPostgres.socketDir());
      AssertionError refused = assertThrows(AssertionError.class,
          () -> Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config))));
      assertTrue(String.valueOf(refused.getCause().getMessage()).contains(DatabaseSettings.DB_SOCKET_DIR + " needs the native transport"),
          refused.getCause().toString());
    } finally {
      Bus.await(vertx.close());
    }
  }

  @Test
  void aRelativeSocketDirectoryIsRefusedByName() {
    JsonObject config = TestConfig.defaults().put(DatabaseSettings.DB_SOCKET_DIR, "run/postgresql");
    ConfigException refused = assertThrows(ConfigException.class, () -> DatabaseSettings.from(new Settings(config)));
    assertTrue(refused.getMessage().contains(DatabaseSettings.DB_SOCKET_DIR), refused.getMessage());
  }
}
