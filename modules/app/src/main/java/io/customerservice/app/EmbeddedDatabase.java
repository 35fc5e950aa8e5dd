package io.customerservice.app;

import io.customerservice.runtime.config.DatabaseSettings;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a real PostgreSQL server (zonky's binaries from Maven Central) whose
 * data directory persists between runs. It creates the configured role and database on first
 * start. It is stopped by the launcher after the verticles, never by its own shutdown hook, so
 * in-flight work can finish first.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String LOCAL_HOST = "localhost";
  private static final String SOCKET_DIR = System.getProperty("java.io.tmpdir");
  /**
   * zonky starts PostgreSQL with {@code -F} (fsync off) for test speed; a later {@code -c} wins,
   * so these put back what keeps committed data through a crash or a power loss. Only the
   * tests' own server (testkit) turns them off.
   */
  private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

  private final EmbeddedPostgres server;
  private final Path dataDir;
  private final String durability;

  private EmbeddedDatabase(EmbeddedPostgres server, Path dataDir, String durability) {
    this.server = server;
    this.dataDir = dataDir;
    this.durability = durability;
  }

  /** Starts the server in {@code dataDir} on {@code port} (0: any free port); blocking. */
  static EmbeddedDatabase start(Path dataDir, int port, String database, String user) throws IOException, SQLException {
    Files.createDirectories(dataDir);
    try {
      LeftoverServer.stopIfAny(dataDir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping an earlier run's PostgreSQL on " + dataDir, e);
    }
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", LOCAL_HOST)
        // Named rather than left to the binaries' build: db.socket-dir may point here.
        .setServerConfig("unix_socket_directories", SOCKET_DIR);
    DURABILITY.forEach(setting -> builder.setServerConfig(setting, "on"));
    if (port != 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres server;
    try {
      server = builder.start();
    } catch (IllegalStateException locked) {
      throw new IOException("the embedded database in " + dataDir.toAbsolutePath()
          + " is in use by another process (" + locked.getMessage() + ")", locked);
    }
    EmbeddedDatabase embedded = new EmbeddedDatabase(server, dataDir, durability(server));
    embedded.ensureDatabase(database, user);
    return embedded;
  }

  /** The db.* keys that point the verticles at this server. */
  JsonObject connectionKeys() {
    return new JsonObject().put(DatabaseSettings.DB_HOST, LOCAL_HOST).put(DatabaseSettings.DB_PORT, server.getPort());
  }

  /** The db.* key that sends the verticles' connections through this server's Unix socket. */
  JsonObject socketKeys() {
    return new JsonObject().put(DatabaseSettings.DB_SOCKET_DIR, SOCKET_DIR);
  }

  String describe() {
    return "embedded PostgreSQL on " + LOCAL_HOST + ":" + server.getPort() + " and its socket in " + SOCKET_DIR + ", data in " + dataDir
        + " (" + durability + ")";
  }

  /** The durability settings as the running server reports them ({@code fsync=on, ...}), for the startup line. */
  private static String durability(EmbeddedPostgres server) throws SQLException {
    List<String> shown = new ArrayList<>();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      for (String setting : DURABILITY) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          shown.add(setting + "=" + rs.getString(1));
        }
      }
    }
    return String.join(", ", shown);
  }

  private void ensureDatabase(String database, String user) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
        s.execute("CREATE ROLE " + quoted(user) + " LOGIN");
      }
      if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
        s.execute("CREATE DATABASE " + quoted(database) + " OWNER " + quoted(user));
        LOG.info("Created database {} owned by {}", database, user);
      }
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** An identifier quoted for DDL, which takes no bind parameters. */
  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
