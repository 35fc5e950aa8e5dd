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
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 *
 * <p>Which connection ran what is read from the server's side, in {@code pg_stat_activity}: each
 * backend shows the last statement its client sent and whether it came over TCP.
 */
class LookupConnectionsTest {

  /** What the Vert.x client calls its connections; the migrations' JDBC connection is named otherwise. */
  private static final String CLIENT_NAME = PgConnectOptions.DEFAULT_PROPERTIES.get("application_name");

  /** A connection of the store's, as the server sees it. */
  private record Backend(int pid, boolean overSocket, String lastStatement) {
    boolean ranTheWrite() {
      return lastStatement.startsWith("INSERT");
    }

    boolean ranARead() {
      return lastStatement.startsWith("SELECT");
    }

    @Override
    public String toString() {
      String statement = lastStatement.length() <= 80 ? lastStatement
          : lastStatement.substring(0, 30) + " ... " + lastStatement.substring(lastStatement.length() - 40);
      return pid + (overSocket ? " (socket): " : " (tcp): ") + statement;
    }
  }

  @ParameterizedTest(name = "{0} lookup connections")
  @ValueSource(ints = {0, 2})
  void readsReturnTheStoredDocumentInFieldOrderAndUndeployingReleasesTheConnections(int lookupConnections) {
    Vertx vertx = Vertx.vertx();
    try {
      Bus bus = new Bus(vertx);
      JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase()).put(DatabaseSettings.DB_POOL_LOOKUP_CONNECTIONS, lookupConnections);
      String database = config.getString(DatabaseSettings.DB_DATABASE);
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

      // One request at a time, so the pool needs one connection, and takes it again when idle.
      List<Backend> connections = storeConnections(database);
      if (lookupConnections == 0) {
        assertEquals(1, connections.size(), "the pool's one connection and nothing beside it: " + connections);
        assertTrue(connections.get(0).ranARead(), "the reads went through the pool, after the write: " + connections);
      } else {
        long writers = connections.stream().filter(Backend::ranTheWrite).count();
        long readers = connections.stream().filter(Backend::ranARead).count();
        assertEquals(1, writers, "the pool's one connection ran the write, and no read after it: " + connections);
        assertTrue(readers >= 1 && readers <= lookupConnections, "the reads ran on the lookup connections: " + connections);
        assertEquals(writers + readers, connections.size(), "no other connection: " + connections);
      }

      Bus.await(vertx.undeploy(deployment));
      // A backend ends shortly after its client closes the connection, not at once.
      Eventually.await("every connection of the store's closed once it was undeployed", () -> storeConnections(database).isEmpty());
    } finally {
      Bus.await(vertx.close());
    }
  }

  @Test
  void withASocketDirectoryTheStoreTalksToPostgresOverTheUnixSocket() {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    try {
      Bus bus = new Bus(vertx);
      JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase()).put(DatabaseSettings.DB_SOCKET_DIR, TestPostgres.socketDir());
      Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config)));
      UUID user = UUID.randomUUID();
      JsonObject created = bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, Profiles.portland()));

      assertEquals(created.encode(), bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))).encode());
      List<Backend> connections = storeConnections(config.getString(DatabaseSettings.DB_DATABASE));
      assertTrue(connections.stream().anyMatch(Backend::ranTheWrite), "the pool's connection is among them: " + connections);
      assertTrue(connections.stream().anyMatch(Backend::ranARead), "a lookup connection is among them: " + connections);
      assertTrue(connections.stream().allMatch(Backend::overSocket), "no connection of the store's came over TCP: " + connections);
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

  /** The Vert.x client's connections to {@code database}: the pool's and the lookups'. */
  private static List<Backend> storeConnections(String database) {
    try (Connection admin = TestPostgres.superuser();
         PreparedStatement activity = admin.prepareStatement("SELECT pid, client_addr IS NULL, query FROM pg_stat_activity"
             + " WHERE datname = ? AND application_name = ? AND backend_type = 'client backend' ORDER BY pid")) {
      activity.setString(1, database);
      activity.setString(2, CLIENT_NAME);
      List<Backend> backends = new ArrayList<>();
      try (ResultSet rows = activity.executeQuery()) {
        while (rows.next()) {
          backends.add(new Backend(rows.getInt(1), rows.getBoolean(2), rows.getString(3)));
        }
      }
      return backends;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_stat_activity", e);
    }
  }
}
