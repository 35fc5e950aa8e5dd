package io.customerservice.app;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.history.HistoryMessages;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each role starts on its own, in any order: a history role on a database no customers role has
 * seen migrates the customer aggregate's schema itself and serves at once; a customers role
 * started after it finds the schema current, and the two count services together.
 */
class RoleDependencyTest {

  @Test
  void aHistoryRoleStartsFirstOnANewDatabaseAndServes() throws Exception {
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase());
    Vertx vertx = Vertx.vertx();
    Bus bus = new Bus(vertx);
    try {
      Bus.await(Launcher.deploy(vertx, AppSettings.from(config.copy().put(AppSettings.ROLES, "history"))));
      JsonObject nobody = new JsonObject().put("id", UUID.randomUUID().toString());
      assertEquals(FailureCode.NOT_FOUND, bus.failure(HISTORY_SERVICE_LIST, nobody).code(), "serving, and there is no such customer");

      Bus.await(Launcher.deploy(vertx, AppSettings.from(config.copy().put(AppSettings.ROLES, "customers"))));
      String id = bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(UUID.randomUUID(), new JsonObject()
          .put("street_address", "1 Main St").put("city", "Portland").put("state", "OR").put("postal_code", "97201")
          .put("country", "USA"))).getString("id");
      JsonObject recorded = bus.request(HISTORY_SERVICE_RECORD, new JsonObject().put("customer_id", id));
      assertEquals(1, recorded.getJsonObject(HistoryMessages.CUSTOMER).getInteger("total_services"));
      assertEquals(1, bus.request(CUSTOMERS_PROFILE_GET, new JsonObject().put("id", id)).getInteger("total_services"));
      assertEquals(1, bus.request(HISTORY_SERVICE_LIST, new JsonObject().put("id", id)).getLong("count"));
    } finally {
      Bus.await(vertx.close());
    }
  }
}
