package io.customerservice.customers;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The database goes away under the store and comes back: callers get UNAVAILABLE, then service again. */
@ExtendWith(VertxExtension.class)
class StoreOutageTest {

  @Test
  void aStoppedDatabaseIsUnavailableAndTheStoreRecoversWhenItIsBack(Vertx vertx, @TempDir Path dataDir) throws IOException {
    int port = FreePort.find();
    EmbeddedPostgres server = TestPostgres.startServer(dataDir, port);
    Bus bus = new Bus(vertx);
    JsonObject config = TestConfig.withDefaults(TestPostgres.connection("localhost", port, "postgres"));
    Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config)));
    UUID user = UUID.randomUUID();
    JsonObject customer = bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, Profiles.portland()));

    server.close();
    long started = System.nanoTime();
    ServiceFailure down = bus.failure(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user)));
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(FailureCode.UNAVAILABLE, down.code(), down.detail());
    assertTrue(tookMs < 5000, "the failure is reported, not left to the caller's timeout (took " + tookMs + " ms)");
    assertEquals(FailureCode.UNAVAILABLE, bus.failure(CUSTOMERS_HEALTH_CHECK, new JsonObject()).code());
    assertEquals(FailureCode.UNAVAILABLE, bus.failure(CUSTOMERS_PROFILE_CREATE,
        CustomerMessages.create(UUID.randomUUID(), Profiles.portland())).code());

    try (EmbeddedPostgres restarted = TestPostgres.startServer(dataDir, port)) {
      assertEquals(customer, bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))));
      assertEquals("UP", bus.request(CUSTOMERS_HEALTH_CHECK, new JsonObject()).getString("status"));
    }
  }
}
