package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service process is killed with SIGKILL while increments stream in, then restarted, and the
 * client re-sends every increment with its idempotency key: the counter ends at exactly the
 * number of distinct increments, nothing lost and nothing counted twice.
 */
class CrashSafetyTest {

  private static final int INCREMENTS = 400;

  @Test
  void killDashNineBetweenIncrementsLosesNothingAndCountsNothingTwice(@TempDir Path dir) throws Exception {
    killMidStreamAndRestart(dir, TestConfig.withDefaults(TestPostgres.newDatabase()));
  }

  /**
   * The default run, whose PostgreSQL is its own child: killing the JVM leaves that server
   * orphaned on the data directory, and the restart must stop it and start within 15 s.
   */
  @Test
  void killDashNineOfTheDefaultRunWithItsEmbeddedDatabaseRestartsOnTheSameData(@TempDir Path dir) throws Exception {
    long restart = killMidStreamAndRestart(dir, TestConfig.withDefaults(new JsonObject())
        .put(AppSettings.DB_EMBEDDED_DATA_DIR, dir.resolve("postgres").toString()));
    assertTrue(restart < TimeUnit.SECONDS.toNanos(15), "ready again within 15 s, took " + TimeUnit.NANOSECONDS.toMillis(restart) + " ms");
  }

  /** The scenario, on {@code base} config; the time the restarted process took to be ready. */
  private static long killMidStreamAndRestart(Path dir, JsonObject base) throws Exception {
    int port = FreePort.find();
    JsonObject config = base.put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, port).put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find());
    Path conf = Files.writeString(dir.resolve("crash.json"), config.encode());
    HttpApi api = new HttpApi(port);
    List<String> keys = java.util.stream.IntStream.range(0, INCREMENTS).mapToObj(i -> "crash-" + i + "-" + UUID.randomUUID()).toList();

    ServiceProcess first = ServiceProcess.start(conf, dir.resolve("first.log"), api);
    ServiceCounts counts = ServiceCounts.forNewCustomer(api);

    AtomicInteger acknowledged = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (String key : keys) {
      clients.submit(() -> {
        try {
          if (counts.increment(key) == 200) {
            acknowledged.incrementAndGet();
          }
        } catch (RuntimeException connectionLost) {
          // The process died under this request: the client does not know whether it counted.
        }
      });
    }
    try {
      Eventually.await(Duration.ofSeconds(60), "a quarter of the increments acknowledged before the kill",
          () -> acknowledged.get() >= INCREMENTS / 4);
    } finally {
      first.kill();
    }
    clients.shutdown();
    assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
    int before = acknowledged.get();
    System.out.printf("[figure] %d of %d increments acknowledged before kill -9%n", before, INCREMENTS);
    assertTrue(before < INCREMENTS, "the kill landed mid-stream");

    long restarting = System.nanoTime();
    try (ServiceProcess second = ServiceProcess.start(conf, dir.resolve("second.log"), api)) {
      long restart = System.nanoTime() - restarting;
      System.out.printf("[figure] ready %d ms after the restart began%n", TimeUnit.NANOSECONDS.toMillis(restart));
      int counted = counts.total();
      assertTrue(counted >= before, "every acknowledged increment survived (" + counted + " >= " + before + ")");
      for (String key : keys) {
        assertEquals(200, counts.increment(key));
      }
      assertEquals(INCREMENTS, counts.total());
      assertEquals(INCREMENTS, counts.historyRecords());
      return restart;
    }
  }
}
