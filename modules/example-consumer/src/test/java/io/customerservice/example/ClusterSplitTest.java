package io.customerservice.example;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.app.ClusterSettings;
import io.customerservice.auth.AuthSettings;
import io.customerservice.contract.FailureCode;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service split over processes: one JVM owns the data (customers, history, auth), another
 * serves HTTP (http, auth-proxy), and this test's JVM joins the cluster as a foreign service.
 * Then the data process is killed and replaced while the HTTP process keeps running.
 */
class ClusterSplitTest {

  @Test
  void splitFailoverRecoveryAndCrossProcessEvents(@TempDir Path dir) throws Exception {
    int clusterPort = FreePort.find();
    int apiPort = FreePort.find();
    int authPort = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(ClusterSettings.CLUSTER_PORT, clusterPort).put(ClusterSettings.CLUSTER_MEMBERS, "127.0.0.1")
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, apiPort)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, authPort)
        .put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000)
        .put(JwtSettings.JWT_SECRET, "cluster-test-secret-0123456789-0123456789-0123456789");
    Path conf = Files.writeString(dir.resolve("cluster.json"), config.encode());
    HttpApi api = new HttpApi(apiPort);
    HttpApi auth = new HttpApi(authPort);
    List<ServiceProcess> processes = new ArrayList<>();
    CustomerEventsConsumer consumer = null;
    try {
      ServiceProcess data = startData(conf, dir.resolve("data-1.log"), processes);
      processes.add(ServiceProcess.start(conf, dir.resolve("http.log"), api, "--cluster", "--roles", "http,auth-proxy"));
      consumer = Bus.await(CustomerEventsConsumer.join("127.0.0.1", "127.0.0.1", clusterPort));

      // The seed flow through the split service.
      String access = register(auth);
      Reply created = api.post("/api/v1/customers/profile/create/").token(access).json(profile()).send();
      assertEquals(201, created.status(), created.toString());
      UUID userId = UUID.fromString(created.json().getString("user_id"));
      JsonObject read = api.get("/api/v1/customers/profile/").token(access).send().json();
      assertTrue(read.getBoolean("user_data_complete"), "user data from the auth service in the data process: " + read);

      // A foreign JVM saw the event and reads through the cluster.
      CustomerEventsConsumer foreign = consumer;
      Eventually.await(Duration.ofSeconds(10), "the foreign JVM saw the customer created",
          () -> foreign.events().stream().anyMatch(e -> e.getString("address").equals("customers.events.created")
              && e.getJsonObject("body").getString("user_id").equals(userId.toString())));
      assertEquals("Portland", Bus.await(consumer.profile(userId)).getString("city"));

      // The only process owning customers dies: requests fail fast, the HTTP process stays up.
      data.kill();
      processes.remove(data);
      Reply during = awaitStatus(api, access, 503);
      assertNotNull(during.json().getString("detail"));
      assertEquals(FailureCode.UNAVAILABLE, Bus.failureOf(consumer.profile(userId)).code());
      assertEquals(200, api.get("/health/live").send().status());

      // A replacement joins; the same HTTP process serves again, the data intact.
      startData(conf, dir.resolve("data-2.log"), processes);
      Reply again = awaitStatus(api, access, 200);
      assertEquals(read.getString("id"), again.json().getString("id"));
      assertEquals("Portland", Bus.await(consumer.profile(userId)).getString("city"));
    } finally {
      if (consumer != null) {
        consumer.leave();
      }
      for (ServiceProcess process : processes) {
        process.kill();
      }
    }
  }

  /** The process that owns the data; it serves no customer API, so it is ready once started. */
  private static ServiceProcess startData(Path conf, Path log, List<ServiceProcess> processes) throws Exception {
    ServiceProcess process = ServiceProcess.start(conf, log, null, "--cluster", "--roles", "customers,history,auth");
    processes.add(process);
    return process;
  }

  private static String register(HttpApi auth) {
    Reply registered = auth.post("/api/auth/register/").json(new JsonObject()
        .put("email", "split@example.com").put("first_name", "Split").put("last_name", "Test")
        .put("phone_number", "+15551234567").put("password1", "Pass123!").put("password2", "Pass123!")).send();
    assertEquals(201, registered.status(), registered.toString());
    return registered.json().getJsonObject("tokens").getString("access");
  }

  private static JsonObject profile() {
    return new JsonObject().put("street_address", "1 Main St").put("city", "Portland").put("state", "OR")
        .put("postal_code", "97201").put("country", "USA");
  }

  private static Reply awaitStatus(HttpApi api, String access, int status) {
    return Eventually.awaitValue(Duration.ofSeconds(60), "the profile answered " + status,
        () -> api.get("/api/v1/customers/profile/").token(access).send(), reply -> reply.status() == status);
  }
}
