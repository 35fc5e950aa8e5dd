package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** A process that cannot start says why in one line an operator can act on, with no stack trace at ERROR. */
class StartupFailureTest {

  @TempDir
  Path dir;

  private JsonObject config() {
    return TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, FreePort.find())
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET).put(Settings.SHUTDOWN_DRAIN_MS, 0);
  }

  @Test
  void aDatabaseThatDoesNotExist() throws Exception {
    assertOneSentence(config().put(DatabaseSettings.DB_DATABASE, "no_such_database"), "the database does not exist", "db.database (DB_DATABASE)");
  }

  @Test
  void aPortAlreadyInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertOneSentence(config().put(HttpSettings.HTTP_PORT, taken.getLocalPort()),
          "Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": another process holds that port", "http.port (HTTP_PORT)");
    }
  }

  @Test
  void aManagementPortAlreadyInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertOneSentence(config().put(Settings.MANAGEMENT_PORT, taken.getLocalPort()),
          "Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": another process holds that port", "management.port (MANAGEMENT_PORT)");
    }
  }

  @Test
  void aDataDirectoryThatCannotBeWritten() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    assertOneSentence(TestConfig.defaults().put(AppSettings.DB_EMBEDDED_DATA_DIR, file.resolve("postgres").toString())
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET),
        "Cannot write " + file.resolve("postgres"), "db.embedded.data-dir (DB_EMBEDDED_DATA_DIR)");
  }

  @Test
  void aDatabaseServerThatIsNotThere() throws Exception {
    int nobody = FreePort.find();
    assertOneSentence(config().put(DatabaseSettings.DB_HOST, "127.0.0.1").put(DatabaseSettings.DB_PORT, nobody),
        "No PostgreSQL answers at postgresql://127.0.0.1:" + nobody, "db.host (DB_HOST) and db.port (DB_PORT)");
  }

  private void assertOneSentence(JsonObject config, String what, String key) throws Exception {
    Path conf = Files.writeString(dir.resolve("start.json"), config.encode());
    ListAppender<ILoggingEvent> written = new ListAppender<>();
    written.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(written);
    int exit;
    try {
      exit = new CommandLine(new Main()).execute("--conf", conf.toString());
    } finally {
      root.detachAppender(written);
    }
    List<ILoggingEvent> errors;
    synchronized (written) {
      errors = written.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
    }
    assertEquals(1, exit);
    assertEquals(1, errors.size(), () -> errors.toString());
    ILoggingEvent error = errors.get(0);
    String line = error.getFormattedMessage();
    assertTrue(line.contains(what), line);
    assertTrue(line.contains(key), "names the setting that fixes it: " + line);
    assertFalse(line.contains("\n"), "one line: " + line);
    assertNull(error.getThrowableProxy(), "no stack trace at ERROR");
  }
}
