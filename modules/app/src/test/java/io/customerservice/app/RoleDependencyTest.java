package io.customerservice.app;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A history role started on a database no customers role has migrated yet: it is deployed and
 * waits, answering nobody, and serves once the customers schema exists, without a restart.
 */
class RoleDependencyTest {

  @Test
  void aHistoryRoleWaitsForTheCustomersSchemaAndThenServes() throws Exception {
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase());
    Vertx vertx = Vertx.vertx();
    Bus bus = new Bus(vertx);
    try {
      Bus.await(Launcher.deploy(vertx, AppSettings.from(config.copy().put(ConfigKeys.ROLES, "history"))));
      JsonObject nobody = new JsonObject().put("id", UUID.randomUUID().toString());
      assertEquals(FailureCode.UNAVAILABLE, bus.failure(HISTORY_SERVICE_LIST, nobody).code(), "not serving while it waits");

      Bus.await(Launcher.deploy(vertx, AppSettings.from(config.copy().put(ConfigKeys.ROLES, "customers"))));
      String id = bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(UUID.randomUUID(), new JsonObject()
          .put("street_address", "1 Main St").put("city", "Portland").put("state", "OR").put("postal_code", "97201")
          .put("country", "USA"))).getString("id");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      JsonObject list = new JsonObject().put("id", id);
      io.vertx.core.Future<JsonObject> answer;
      while ((answer = Bus.awaitCompletion(bus.send(HISTORY_SERVICE_LIST, list))).failed()) {
        assertEquals(FailureCode.UNAVAILABLE, ServiceFailure.from(answer.cause()).code());
        assertTrue(System.nanoTime() < deadline, "the history role serves within 30 s of the customers schema appearing");
        Thread.sleep(100);
      }
      assertEquals(0, answer.result().getLong("count"));
    } finally {
      Bus.await(vertx.close());
    }
  }
}
