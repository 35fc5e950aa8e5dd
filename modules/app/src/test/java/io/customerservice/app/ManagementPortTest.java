package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every process opens the operators' port, whatever its roles: health, and the metrics that tell
 * which role is short (HTTP by route template, the event bus by address, the pool, the breaker,
 * the caches, the JVM), with labels that never carry an id.
 */
class ManagementPortTest {

  private static final JsonObject ADDRESS = new JsonObject().put("street_address", "1 Main St").put("city", "Springfield")
      .put("state", "IL").put("postal_code", "62701").put("country", "US");

  @Test
  void aWholeProcessReportsEachPartByRouteTemplateAndAddress(@TempDir Path dir) throws Exception {
    int apiPort = FreePort.find();
    int managementPort = FreePort.find();
    HttpApi api = new HttpApi(apiPort);
    HttpApi management = new HttpApi(managementPort);
    UUID stranger = UUID.randomUUID();
    try (ServiceProcess service = start(dir, conf(managementPort, true).put(HttpSettings.HTTP_PORT, apiPort), api)) {
      String customer = Tokens.access(UUID.randomUUID(), "customer");
      assertEquals(201, api.post("/api/v1/customers/profile/create/").token(customer).json(ADDRESS).send().status());
      assertEquals(200, api.get("/api/v1/customers/profile/").token(customer).send().status());
      assertEquals(404, api.get("/api/v1/customers/" + stranger + "/").token(Tokens.access(UUID.randomUUID(), "employee")).send().status());

      HttpApi.Reply ready = management.get("/health/ready").send();
      assertEquals(200, ready.status(), ready.text());
      assertEquals("UP", ready.json().getJsonObject("checks").getString("customers"));
      String metrics = management.get("/metrics").send().text();

      assertTrue(metrics.contains("vertx_http_server_requests_total{code=\"201\",method=\"POST\",route=\"/api/v1/customers/profile/create"), metrics);
      assertTrue(metrics.contains("vertx_http_server_requests_total{code=\"404\",method=\"GET\",route=\"/api/v1/customers/:id"), metrics);
      assertFalse(metrics.contains(stranger.toString()), "no label carries an id");
      assertTrue(metrics.contains("vertx_http_server_response_time_seconds_bucket{"), "latency histograms");
      assertTrue(metrics.contains("customer_service_bus_handling_seconds_count{address=\"customers.profile.create\",outcome=\"ok\"} 1"), metrics);
      assertTrue(metrics.contains("customer_service_bus_handling_seconds_count{address=\"customers.profile.get-many\",outcome=\"ok\"}"), metrics);
      assertTrue(metrics.contains("vertx_eventbus_pending{address=\"customers.profile.get-many\""), metrics);
      assertTrue(metrics.contains("vertx_pool_in_use{pool_name=\"customer-service-db\",pool_type=\"sql\"}"), metrics);
      assertTrue(metrics.contains("vertx_pool_queue_pending{pool_name=\"customer-service-db\",pool_type=\"sql\"}"), metrics);
      assertTrue(metrics.contains("customer_service_breaker_state{breaker=\"auth-service\"} 0.0"), metrics);
      assertTrue(metrics.contains("customer_service_breaker_calls_total{breaker=\"auth-service\",outcome=\"success\"}"), metrics);
      assertTrue(metrics.contains("cache_gets_total{cache=\"http.verified-tokens\",result=\"hit\"}"), metrics);
      assertTrue(metrics.contains("cache_gets_total{cache=\"auth-proxy.users-by-id\",result=\"miss\"}"), metrics);
      assertTrue(metrics.contains("jvm_memory_used_bytes{"), metrics);
      assertTrue(metrics.contains("process_cpu_usage"), metrics);
    }
  }

  @Test
  void aProcessOfDataRolesOnlyIsProbedAndMeasuredOnItsManagementPort(@TempDir Path dir) throws Exception {
    int managementPort = FreePort.find();
    HttpApi management = new HttpApi(managementPort);
    try (ServiceProcess service = start(dir, conf(managementPort, true).put(AppSettings.ROLES, "customers,history"), null)) {
      assertEquals(200, management.get("/health/live").send().status());
      HttpApi.Reply ready = management.get("/health/ready").send();
      assertEquals(200, ready.status(), ready.text());
      assertEquals(new JsonObject().put("customers", "UP").put("history", "deployed"), ready.json().getJsonObject("checks"));
      String metrics = management.get("/metrics").send().text();
      assertTrue(metrics.contains("customer_service_bus_handling_seconds_count{address=\"history.service.record\",outcome=\"ok\"}"), metrics);
      assertTrue(metrics.contains("vertx_eventbus_handlers{address=\"customers.profile.get\"}"), metrics);
    }
  }

  @Test
  void withMetricsOffTheProbesStillAnswer(@TempDir Path dir) throws Exception {
    int managementPort = FreePort.find();
    HttpApi management = new HttpApi(managementPort);
    try (ServiceProcess service = start(dir, conf(managementPort, false).put(AppSettings.ROLES, "customers"), null)) {
      assertEquals(200, management.get("/health/ready").send().status());
      assertEquals(404, management.get("/metrics").send().status());
    }
  }

  /** {@code readyApi}: the customer API to wait for, or null to wait for the start-up line. */
  private static ServiceProcess start(Path dir, JsonObject config, HttpApi readyApi) throws Exception {
    Path conf = Files.writeString(dir.resolve("service.json"), config.encode());
    return ServiceProcess.start(conf, dir.resolve("service.log"), readyApi);
  }

  private static JsonObject conf(int managementPort, boolean metrics) {
    return TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, FreePort.find())
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000)
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        .put(Settings.MANAGEMENT_PORT, managementPort)
        .put(ManagementSettings.METRICS_ENABLED, metrics);
  }
}
