package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL, run by the {@code embedded-db} command as a server of its own, is killed with
 * SIGKILL (every process of it, as a crash of its machine would) while increments stream in,
 * and started again on the same data. The service is not restarted: it answers 503 meanwhile,
 * serves again once the server is back, and the client's re-sends with the same idempotency
 * keys complete each write it did not see acknowledged exactly once.
 */
class PostgresOutageTest {

  private static final int CLIENTS = 6;
  private static final String DATABASE_UP = "Ctrl-C stops it";
  /** For each stage of the outage: processes start and stop within it. */
  private static final Duration BOUND = Duration.ofSeconds(60);

  @Test
  void aPostgresKilledWithDashNineUnderLoadIsAnsweredWith503AndEveryWriteCompletesExactlyOnce(@TempDir Path dir) throws Exception {
    int databasePort = FreePort.find();
    int apiPort = FreePort.find();
    Path data = dir.resolve("postgres");
    JsonObject config = TestConfig.withDefaults(new JsonObject())
        .put(DatabaseSettings.DB_HOST, "127.0.0.1").put(DatabaseSettings.DB_PORT, databasePort)
        .put(AppSettings.DB_EMBEDDED_DATA_DIR, data.toString()).put(AppSettings.DB_EMBEDDED_PORT, databasePort)
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, apiPort).put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(Settings.SHUTDOWN_DRAIN_MS, 0);
    Path conf = Files.writeString(dir.resolve("outage.json"), config.encode());
    HttpApi api = new HttpApi(apiPort);

    ServiceProcess database = ServiceProcess.startUntilLogged("embedded-db", conf, dir.resolve("db-first.log"), DATABASE_UP);
    ServiceProcess restartedDatabase = null;
    boolean killed = false;
    try (ServiceProcess service = ServiceProcess.start(conf, dir.resolve("service.log"), api)) {
      ServiceCounts counts = ServiceCounts.forNewCustomer(api);
      Map<String, Integer> lastStatus = new ConcurrentHashMap<>();
      AtomicInteger acknowledged = new AtomicInteger();
      AtomicInteger unavailable = new AtomicInteger();
      AtomicLong slowest503 = new AtomicLong();
      List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean streaming = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.submit(() -> {
          for (int i = 0; streaming.get(); i++) {
            String key = "outage-" + client + "-" + i;
            long sent = System.nanoTime();
            int status;
            try {
              status = counts.increment(key);
            } catch (RuntimeException e) {
              unexpected.add(key + ": " + e);
              continue;
            }
            lastStatus.put(key, status);
            if (status == 200) {
              acknowledged.incrementAndGet();
            } else if (status == 503) {
              unavailable.incrementAndGet();
              slowest503.accumulateAndGet(System.nanoTime() - sent, Math::max);
              pause(20);
            } else {
              unexpected.add(key + ": " + status);
            }
          }
        });
      }
      Eventually.await(BOUND, "writes were acknowledged before the kill", () -> acknowledged.get() >= 100);
      int beforeKill = acknowledged.get();
      killEveryProcessOf(data, database);
      killed = true;
      Eventually.await(BOUND, "writes were answered 503 during the outage", () -> unavailable.get() >= 30);
      assertEquals(503, api.get("/health/ready").send().status(), "not ready while the database is away");

      restartedDatabase = ServiceProcess.startUntilLogged("embedded-db", conf, dir.resolve("db-second.log"), DATABASE_UP);
      int atRestart = acknowledged.get();
      Eventually.await(BOUND, "the service served writes again without a restart of its own", () -> acknowledged.get() >= atRestart + 100);
      streaming.set(false);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
      assertEquals(List.of(), unexpected, "every request was answered, with 200 or 503");
      assertEquals(200, api.get("/health/ready").send().status());
      System.out.printf("[figure] %d increments acknowledged before the kill, %d answered 503 during the outage (slowest %d ms), %d acknowledged in all%n",
          beforeKill, unavailable.get(), TimeUnit.NANOSECONDS.toMillis(slowest503.get()), acknowledged.get());

      long acknowledgedKeys = lastStatus.values().stream().filter(status -> status == 200).count();
      assertTrue(counts.total() >= acknowledgedKeys, "every acknowledged write is present");
      Set<String> keys = lastStatus.keySet();
      for (String key : keys) {
        assertEquals(200, counts.increment(key), key);
      }
      assertEquals(keys.size(), counts.total(), "each write counted exactly once");
      assertEquals(keys.size(), counts.historyRecords());
    } finally {
      if (!killed) {
        database.close();
      }
      if (restartedDatabase != null) {
        restartedDatabase.close();
      }
    }
  }

  /** SIGKILL to the postmaster named in the data directory's {@code postmaster.pid} and every process under it, then to the command that ran it. */
  private static void killEveryProcessOf(Path data, ServiceProcess database) throws Exception {
    long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
    List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
    all.add(0, server);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : all) {
      process.onExit().get(30, TimeUnit.SECONDS);
    }
    database.kill();
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
