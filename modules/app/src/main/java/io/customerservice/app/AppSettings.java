package io.customerservice.app;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's view of the configuration, checked as a whole before anything starts, so a bad
 * value stops start-up with a message naming its key instead of failing one verticle later.
 */
record AppSettings(
    JsonObject config,
    Set<Role> roles,
    Map<Role, Integer> instances,
    DatabaseSettings database,
    Path embeddedDataDir,
    int embeddedPort,
    int requestTimeoutMs,
    int graceMs,
    int drainMs,
    ClusterSettings cluster,
    VertxSettings vertx,
    HttpSettings http,
    AuthSettings auth,
    ManagementSettings management,
    String logFormat) {

  /** Comma-separated roles this process runs, or "all". */
  public static final String ROLES = "roles";
  public static final String DB_EMBEDDED_DATA_DIR = "db.embedded.data-dir";
  public static final String DB_EMBEDDED_PORT = "db.embedded.port";
  public static final String JWT_DEV_SECRET_FILE = "jwt.dev-secret-file";
  /** "text" (one line per event) or "json" (one JSON object per event); see {@link LogFormat}. */
  public static final String LOG_FORMAT = "log.format";

  static AppSettings from(JsonObject config) {
    Settings settings = new Settings(config);
    Set<Role> roles = Role.parse(settings.string(ROLES));
    Map<Role, Integer> instances = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      instances.put(role, settings.integer(role.instancesKey(), 1, 256));
    }
    HttpSettings http = roles.contains(Role.HTTP) ? HttpSettings.from(settings) : null;
    AuthSettings auth = roles.contains(Role.AUTH) ? AuthSettings.from(settings) : null;
    if (http != null || auth != null) {
      settings.corsAllowedOrigins(); // a malformed origin stops start-up here, naming the key
    }
    return new AppSettings(
        config,
        roles,
        instances,
        DatabaseSettings.from(settings),
        Path.of(settings.string(DB_EMBEDDED_DATA_DIR)),
        settings.port(DB_EMBEDDED_PORT, true),
        settings.requestTimeoutMs(),
        settings.shutdownGraceMs(),
        settings.shutdownDrainMs(),
        ClusterSettings.from(settings),
        VertxSettings.from(settings),
        http,
        auth,
        ManagementSettings.from(settings),
        LogFormat.named(settings.string(LOG_FORMAT)));
  }

  /** Whether this process starts the embedded PostgreSQL: a role of it owns data and no server is configured. */
  boolean startsEmbeddedDatabase() {
    return database.embedded() && roles.stream().anyMatch(Role::usesDatabase);
  }

  /** Where the customer API and the authentication service listen, for the start-up line; empty when neither runs here. */
  String listening() {
    String api = http == null ? "" : "http://" + http.host() + ":" + http.port() + " (customer API)";
    String authService = auth == null ? "" : "http://" + auth.host() + ":" + auth.port() + " (authentication service)";
    return String.join(" and ", java.util.stream.Stream.of(api, authService).filter(s -> !s.isEmpty()).toList());
  }

  /** The same settings with the database the launcher started in place of the configured one. */
  AppSettings withDatabase(JsonObject databaseKeys) {
    return from(config.copy().mergeIn(databaseKeys));
  }
}
