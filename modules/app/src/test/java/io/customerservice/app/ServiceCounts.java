package io.customerservice.app;

import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** One customer's service counter as staff see it over HTTP: increments with idempotency keys, and the totals. */
final class ServiceCounts {

  private final HttpApi api;
  private final String staff = Tokens.access(UUID.randomUUID(), "admin");
  private final String id;

  private ServiceCounts(HttpApi api, String id) {
    this.api = api;
    this.id = id;
  }

  /** A new customer to count on. */
  static ServiceCounts forNewCustomer(HttpApi api) {
    String id = api.post("/api/v1/customers/profile/create/").token(Tokens.access(UUID.randomUUID(), "customer"))
        .json(new JsonObject().put("street_address", "1 Main St").put("city", "Portland").put("state", "OR")
            .put("postal_code", "97201").put("country", "USA")).send().json().getString("id");
    return new ServiceCounts(api, id);
  }

  /** The status of one increment sent with {@code key}; throws when the connection is lost. */
  int increment(String key) {
    return api.post("/api/v1/customers/" + id + "/increment_service/").token(staff)
        .header("Idempotency-Key", key).json(new JsonObject()).send().status();
  }

  int total() {
    return api.get("/api/v1/customers/" + id + "/").token(staff).send().json().getInteger("total_services");
  }

  int historyRecords() {
    return api.get("/api/v1/customers/" + id + "/service_history/").token(staff).send().json().getInteger("count");
  }
}
