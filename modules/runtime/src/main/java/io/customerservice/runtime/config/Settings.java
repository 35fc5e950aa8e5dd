package io.customerservice.runtime.config;

import io.vertx.core.json.JsonObject;

/**
 * Typed, checked reads of the flat configuration object ({@code {"http.port": 8002, ...}}).
 * Values from the environment and system properties arrive as strings, so numbers and booleans
 * are accepted in either form; anything else fails with a {@link ConfigException} naming the key.
 * There are no fallbacks here: every key has its default in {@code conf/application.json}.
 */
public final class Settings {

  /**
   * The management port every process opens (read by app; testkit gives each test process a free
   * one, so both need the names).
   */
  public static final String MANAGEMENT_HOST = "management.host";
  /** The port of /health/live, /health/ready and /metrics; 0: any free one (it is logged). */
  public static final String MANAGEMENT_PORT = "management.port";

  /** The longest any HTTP request of either service waits for its answer; past it, 504. */
  public static final String HTTP_REQUEST_TIMEOUT_MS = "http.request-timeout-ms";
  public static final String HTTP_CORS_ALLOWED_ORIGINS = "http.cors.allowed-origins";
  public static final String AUTH_SERVICE_RECORD_NAME = "auth-service.record-name";
  public static final String EVENTBUS_REQUEST_TIMEOUT_MS = "eventbus.request-timeout-ms";
  public static final String SHUTDOWN_GRACE_MS = "shutdown.grace-ms";
  public static final String SHUTDOWN_DRAIN_MS = "shutdown.drain-ms";
  public static final String HEALTH_READY_TIMEOUT_MS = "health.ready-timeout-ms";

  private final JsonObject config;

  public Settings(JsonObject config) {
    this.config = config;
  }

  /** The environment variable that overrides {@code key}: {@code db.pool.size -> DB_POOL_SIZE}. */
  public static String environmentName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String string(String key) {
    Object value = require(key);
    if (value instanceof JsonObject || value instanceof io.vertx.core.json.JsonArray) {
      throw new ConfigException(key, "must be a string");
    }
    return value.toString().strip();
  }

  public int integer(String key, int min, int max) {
    Object value = require(key);
    long number;
    try {
      number = value instanceof Number n && !(value instanceof Double || value instanceof Float)
          ? n.longValue()
          : Long.parseLong(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number, got '" + value + "'");
    }
    if (number < min || number > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + number);
    }
    return (int) number;
  }

  /** A TCP port; 0 where {@code allowAny} lets the system choose a free one. */
  public int port(String key, boolean allowAny) {
    return integer(key, allowAny ? 0 : 1, 65535);
  }

  /** How long a stopping verticle or process lets the work in flight finish. */
  public int shutdownGraceMs() {
    return integer(SHUTDOWN_GRACE_MS, 0, 600_000);
  }

  /** How long a stopping process keeps serving, with readiness at 503, before it closes its listeners. */
  public int shutdownDrainMs() {
    return integer(SHUTDOWN_DRAIN_MS, 0, 600_000);
  }

  /** How long {@code /health/ready} waits for its checks before it answers 503. */
  public int readyTimeoutMs() {
    int timeout = integer(HEALTH_READY_TIMEOUT_MS, 10, 60_000);
    if (timeout >= httpRequestTimeoutMs()) {
      // Else the request timeout answers the probe first, with a 504.
      throw new ConfigException(HEALTH_READY_TIMEOUT_MS, "must be below " + HTTP_REQUEST_TIMEOUT_MS
          + " (" + httpRequestTimeoutMs() + "), got " + timeout);
    }
    return timeout;
  }

  /** The browser origins (scheme://host[:port]) allowed to call both ports; empty: CORS off. */
  public java.util.List<String> corsAllowedOrigins() {
    java.util.List<String> origins = java.util.Arrays.stream(string(HTTP_CORS_ALLOWED_ORIGINS).split(","))
        .map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    for (String origin : origins) {
      if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
        throw new ConfigException(HTTP_CORS_ALLOWED_ORIGINS,
            "each origin must be scheme://host[:port] with no path, got '" + origin + "'");
      }
    }
    return origins;
  }

  /** How long a caller waits for an event-bus answer. */
  public int requestTimeoutMs() {
    return integer(EVENTBUS_REQUEST_TIMEOUT_MS, 1, 600_000);
  }

  /** How long an HTTP request waits for its whole answer, on every port. */
  public int httpRequestTimeoutMs() {
    return integer(HTTP_REQUEST_TIMEOUT_MS, 100, 600_000);
  }

  public boolean bool(String key) {
    Object value = require(key);
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key, "must be true or false, got '" + value + "'");
    };
  }

  private Object require(String key) {
    Object value = config.getValue(key);
    if (value == null) {
      throw new ConfigException(key, "is missing (every key needs a value, defaults are in conf/application.json)");
    }
    return value;
  }
}
