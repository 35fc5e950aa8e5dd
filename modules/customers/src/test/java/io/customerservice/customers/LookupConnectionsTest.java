package io.customerservice.customers;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.customer.CustomerField;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads by key go through the pipelined lookup connections, or through the pool when there are
 * none; either way a read returns the document as written, in the API's field order, and the
 * store releases its connections when undeployed.
 */
class LookupConnectionsTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void readsReturnTheStoredDocumentInFieldOrder(int lookupConnections) {
    Vertx vertx = Vertx.vertx();
    try {
      Bus bus = new Bus(vertx);
      JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase()).put(ConfigKeys.DB_POOL_LOOKUP_CONNECTIONS, lookupConnections);
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
}
