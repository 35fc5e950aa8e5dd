package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.runtime.config.ConfigException;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where each setting comes from, and what a bad one says. */
@ExtendWith(VertxExtension.class)
class ConfigLoaderTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty("db.pool.size");
  }

  @Test
  void theDefaultsFileHoldsEveryKey(Vertx vertx) {
    JsonObject config = Bus.await(ConfigLoader.load(vertx, null, Map.of()));
    assertEquals(5432, config.getInteger("db.port"));
    assertEquals("all", config.getString("roles"));
    assertEquals("data/postgres", config.getString("db.embedded.data-dir"));
    assertDoesNotThrow(() -> AppSettings.from(config.copy().put("jwt.secret", Tokens.SECRET)));
  }

  @Test
  void theEnvironmentBeatsTheFilesAndSystemPropertiesBeatTheEnvironment(Vertx vertx, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("override.json"), "{\"db.pool.size\": 3, \"db.database\": \"from_file\", \"db.user\": \"file_user\"}");
    Map<String, String> env = Map.of("DB_POOL_SIZE", "5", "DB_DATABASE", "from_env", "DB_EMBEDDED_DATA_DIR", "/var/lib/cs",
        "JWT_SECRET", "from-the-environment");
    System.setProperty("db.pool.size", "7");

    AppSettings settings = AppSettings.from(Bus.await(ConfigLoader.load(vertx, file, env)));

    assertEquals(7, settings.database().poolSize(), "system property over environment");
    assertEquals("from_env", settings.database().database(), "environment over file");
    assertEquals("file_user", settings.database().user(), "--conf file over defaults");
    assertEquals(Path.of("/var/lib/cs"), settings.embeddedDataDir(), "dashes map to underscores");
    assertEquals("from-the-environment", settings.http().jwt().secret());
  }

  @Test
  void aWorkingCopyOfTheDefaultsFromAnOlderReleaseKeepsTheJarsDefaultsForNewerKeys(Vertx vertx, @TempDir Path dir) throws IOException {
    JsonObject older = TestConfig.defaults().put("http.port", 9999);
    older.remove("shutdown.drain-ms");
    Path copy = Files.writeString(dir.resolve("application.json"), older.encode());
    JsonObject config = Bus.await(ConfigLoader.load(vertx, copy, null, Map.of()));
    assertEquals(9999, config.getInteger("http.port"), "the working copy's values count");
    assertEquals(TestConfig.defaults().getValue("shutdown.drain-ms"), config.getValue("shutdown.drain-ms"), "a key it lacks keeps the jar's default");
  }

  @Test
  void anUnknownKeyInAConfFileIsAnError(Vertx vertx, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("typo.json"), "{\"db.pool.sise\": 3}");
    ConfigException error = assertThrows(ConfigException.class, () -> await(ConfigLoader.load(vertx, file, Map.of())));
    assertTrue(error.getMessage().contains("'db.pool.sise'"), error.getMessage());
  }

  @Test
  void badValuesStopStartUpNamingTheKeyAndItsVariable(Vertx vertx) {
    JsonObject defaults = Bus.await(ConfigLoader.load(vertx, null, Map.of())).put("jwt.secret", Tokens.SECRET);

    assertMessage(defaults.copy().put("roles", "customers,billing"), "config key 'roles' (environment ROLES): unknown role 'billing'");
    assertMessage(defaults.copy().put("db.port", "70000"), "config key 'db.port' (environment DB_PORT): must be between 1 and 65535, got 70000");
    assertMessage(defaults.copy().put("db.pool.size", "many"), "config key 'db.pool.size' (environment DB_POOL_SIZE): must be a whole number");
    assertMessage(defaults.copy().putNull("db.user"), "config key 'db.user' (environment DB_USER): is missing");
    assertMessage(defaults.copy().put("http.port", "-1"), "config key 'http.port' (environment HTTP_PORT): must be between 0 and 65535");
    assertMessage(defaults.copy().put("jwt.algorithm", "none"), "config key 'jwt.algorithm' (environment JWT_ALGORITHM): must be one of");
  }

  private static void assertMessage(JsonObject config, String expected) {
    ConfigException error = assertThrows(ConfigException.class, () -> AppSettings.from(config));
    assertTrue(error.getMessage().startsWith(expected), error.getMessage());
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Throwable {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }
}
