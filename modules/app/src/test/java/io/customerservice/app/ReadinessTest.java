package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TcpRelay;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a load balancer's readiness probe sees on both ports: a stopping process, and a database that no longer answers. */
class ReadinessTest {

  private static JsonObject listeningOn(int apiPort, int authPort) {
    return TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, apiPort)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, authPort)
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET);
  }

  @Test
  void aStoppingProcessIsUnreadyAtOnceAndServesUntilTheDrainPeriodEnds(@TempDir Path dir) throws Exception {
    int apiPort = FreePort.find();
    int authPort = FreePort.find();
    Path conf = Files.writeString(dir.resolve("drain.json"), listeningOn(apiPort, authPort).put(Settings.SHUTDOWN_DRAIN_MS, 3000).encode());
    HttpApi api = new HttpApi(apiPort);
    HttpApi auth = new HttpApi(authPort);
    String staff = Tokens.access(UUID.randomUUID(), "employee");
    ServiceProcess service = ServiceProcess.start(conf, dir.resolve("service.log"), api);
    try {
      assertEquals(200, auth.get("/health/ready").send().status());
      service.terminate();
      for (HttpApi port : List.of(api, auth)) {
        Reply ready = awaitUnready(port);
        assertEquals("stopping", ready.json().getJsonObject("checks").getString("process"), ready::toString);
      }
      assertEquals(200, api.get("/health/live").send().status(), "still alive");
      Reply served = api.get("/api/v1/customers/").token(staff).send();
      assertEquals(200, served.status(), "still serving requests while unready: " + served);
      service.exitCode(60); // and then it stops by itself, or this fails
    } finally {
      service.kill();
    }
  }

  @Test
  void aDatabaseThatStopsAnsweringMakesReadinessAnswer503WithinItsBound() throws Exception {
    int apiPort = FreePort.find();
    int authPort = FreePort.find();
    JsonObject direct = listeningOn(apiPort, authPort);
    try (TcpRelay relay = new TcpRelay(direct.getInteger(DatabaseSettings.DB_PORT))) {
      JsonObject config = direct.put(DatabaseSettings.DB_HOST, "127.0.0.1").put(DatabaseSettings.DB_PORT, relay.port())
          .put(Settings.HEALTH_READY_TIMEOUT_MS, 1000).put(Settings.SHUTDOWN_GRACE_MS, 500);
      Vertx vertx = Vertx.vertx();
      try {
        Bus.await(Launcher.deploy(vertx, AppSettings.from(config)));
        for (HttpApi port : List.of(new HttpApi(apiPort), new HttpApi(authPort))) {
          assertEquals(200, port.get("/health/ready").send().status());
        }
        relay.freeze();
        for (HttpApi port : List.of(new HttpApi(apiPort), new HttpApi(authPort))) {
          long started = System.nanoTime();
          Reply ready = port.get("/health/ready").send();
          System.out.printf("[figure] %s/health/ready with the database partitioned away: %d in %d ms%n",
              port.base(), ready.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
          assertEquals(503, ready.status(), "answered by the readiness bound, not left to the request timeout: " + ready);
          assertEquals("DOWN", ready.json().getString("status"));
        }
      } finally {
        Bus.await(vertx.close());
      }
    }
  }

  /** Unready within a bound shorter than the drain period: a probe must see it while the process still serves. */
  private static Reply awaitUnready(HttpApi port) {
    return Eventually.awaitValue(Duration.ofSeconds(2), "unready once the process is stopping",
        () -> port.get("/health/ready").send(), ready -> ready.status() == 503);
  }
}
