package io.customerservice.testkit;

import io.customerservice.runtime.config.DatabaseSettings;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one server per test JVM, started on first use, and a new empty
 * database for each caller, so test classes never see each other's rows and the suite pays the
 * server's start-up once.
 */
public final class TestPostgres {

  private static final String SUPERUSER = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static Path socketDir;

  private TestPostgres() {
  }

  /** The db.* config keys of a new, empty database on the shared server. */
  public static synchronized JsonObject newDatabase() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = superuser(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return connection("localhost", shared().getPort(), name);
  }

  /** The directory of the shared server's Unix-domain socket (for {@code db.socket-dir}). */
  public static synchronized String socketDir() {
    shared();
    return socketDir.toString();
  }

  /** A superuser JDBC connection to the shared server's {@code postgres} database, by TCP, for looking at the server. */
  public static synchronized Connection superuser() throws SQLException {
    return shared().getPostgresDatabase().getConnection();
  }

  /** The db.* config keys for a database of a server a test started itself. */
  public static JsonObject connection(String host, int port, String database) {
    return new JsonObject()
        .put(DatabaseSettings.DB_HOST, host)
        .put(DatabaseSettings.DB_PORT, port)
        .put(DatabaseSettings.DB_DATABASE, database)
        .put(DatabaseSettings.DB_USER, SUPERUSER)
        .put(DatabaseSettings.DB_PASSWORD, "");
  }

  /** Starts a server of its own in {@code dataDir} (kept between starts) on {@code port}. */
  public static EmbeddedPostgres startServer(Path dataDir, int port) {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPort(port)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedPostgres shared() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("customer-service-test-pg");
        socketDir = dir;
        server = EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setServerConfig("unix_socket_directories", dir.toString())
            .setCleanDataDirectory(true)
            // Durability is not what these tests are about; speed is.
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "300")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }
}
