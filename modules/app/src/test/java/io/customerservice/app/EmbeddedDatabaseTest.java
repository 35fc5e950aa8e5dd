package io.customerservice.app;

import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_CREATE;
import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_GET;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run: the embedded database keeps its data across restarts of the whole stack. */
class EmbeddedDatabaseTest {

  @Test
  void aCustomerSurvivesARestartOfTheServiceAndItsDatabase(@TempDir Path dataDir) throws Exception {
    UUID user = UUID.randomUUID();
    JsonObject profile = new JsonObject().put("street_address", "1 Main St").put("city", "Portland")
        .put("state", "OR").put("postal_code", "97201").put("country", "USA");

    JsonObject created = runService(dataDir, bus -> bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, profile)));
    JsonObject found = runService(dataDir, bus -> bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))));

    assertEquals(created, found);
  }

  @Test
  void theEmbeddedServerKeepsCommittedDataThroughAPowerLossAndSaysSo(@TempDir Path dataDir) throws Exception {
    AppSettings settings = AppSettings.from(TestConfig.defaults().put(AppSettings.ROLES, "customers"));
    try (EmbeddedDatabase db = start(dataDir, settings);
         java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + db.connectionKeys().getInteger(DatabaseSettings.DB_PORT)
             + "/postgres", "postgres", "");
         java.sql.Statement s = c.createStatement()) {
      for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
        try (java.sql.ResultSet rs = s.executeQuery("SHOW " + setting)) {
          assertTrue(rs.next());
          assertEquals("on", rs.getString(1), setting);
        }
      }
      assertTrue(db.describe().endsWith("(fsync=on, synchronous_commit=on, full_page_writes=on)"), db.describe());
    }
  }

  @Test
  void aSecondProcessOnTheSameDataDirectoryIsRefusedWithAClearMessage(@TempDir Path dataDir) throws Exception {
    AppSettings settings = AppSettings.from(TestConfig.defaults().put(AppSettings.ROLES, "customers"));
    try (EmbeddedDatabase first = start(dataDir, settings)) {
      IOException error = assertThrows(IOException.class, () -> start(dataDir, settings));
      assertTrue(error.getMessage().contains("in use by another process"), error.getMessage());
    }
  }

  @Test
  void aDataDirectoryHeldByAProcessThatIsNotItsServerIsRefusedNamingTheProcess(@TempDir Path dataDir) throws Exception {
    AppSettings settings = AppSettings.from(TestConfig.defaults().put(AppSettings.ROLES, "customers"));
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      java.nio.file.Files.writeString(dataDir.resolve("postmaster.pid"), stranger.pid() + "\n" + dataDir + "\n");
      IOException error = assertThrows(IOException.class, () -> start(dataDir, settings));
      assertTrue(error.getMessage().contains("held by process " + stranger.pid()), error.getMessage());
      assertTrue(stranger.isAlive(), "what is not ours is never stopped");
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  void theDefaultRunTalksToItsEmbeddedDatabaseThroughTheUnixSocket(@TempDir Path dataDir) throws Exception {
    AppSettings settings = AppSettings.from(TestConfig.withDefaults(new JsonObject())
        .put(AppSettings.ROLES, "customers")
        .put(AppSettings.DB_EMBEDDED_DATA_DIR, dataDir.toString())
        .put(VertxSettings.VERTX_PREFER_NATIVE_TRANSPORT, true));
    try (RunningProcess process = RunningProcess.start(settings)) {
      assertTrue(process.vertx().isNativeTransportEnabled(), "epoll is on this module's classpath");
      assertEquals(System.getProperty("java.io.tmpdir"), process.settings().database().socketDir());
      UUID user = UUID.randomUUID();
      Bus bus = new Bus(process.vertx());
      JsonObject created = bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, new JsonObject()
          .put("street_address", "1 Main St").put("city", "Portland").put("state", "OR").put("postal_code", "97201").put("country", "USA")));
      assertEquals(created, bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))));
    }
  }

  private static EmbeddedDatabase start(Path dataDir, AppSettings settings) throws Exception {
    return EmbeddedDatabase.start(dataDir, 0, settings.database().database(), settings.database().user());
  }

  private static JsonObject runService(Path dataDir, java.util.function.Function<Bus, JsonObject> work) throws Exception {
    AppSettings settings = AppSettings.from(TestConfig.defaults().put(AppSettings.ROLES, "customers"));
    try (EmbeddedDatabase db = start(dataDir, settings)) {
      Vertx vertx = Vertx.vertx();
      try {
        Bus.await(Launcher.deploy(vertx, settings.withDatabase(db.connectionKeys())));
        return work.apply(new Bus(vertx));
      } finally {
        Bus.await(vertx.close());
      }
    }
  }
}
