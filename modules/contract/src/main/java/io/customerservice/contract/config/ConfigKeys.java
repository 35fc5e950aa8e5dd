package io.customerservice.contract.config;

/**
 * Every configuration key, spelled once. Defaults live in {@code conf/application.json}; the
 * environment variable of a key is the key upper-cased with dots and dashes as underscores.
 */
public final class ConfigKeys {

  /** Comma-separated roles this process runs, or "all". */
  public static final String ROLES = "roles";

  public static final String DB_HOST = "db.host";
  public static final String DB_PORT = "db.port";
  public static final String DB_DATABASE = "db.database";
  public static final String DB_USER = "db.user";
  public static final String DB_PASSWORD = "db.password";
  public static final String DB_POOL_SIZE = "db.pool.size";
  public static final String DB_POOL_WAIT_QUEUE = "db.pool.wait-queue";
  public static final String DB_CONNECT_TIMEOUT_MS = "db.connect-timeout-ms";
  public static final String DB_ACQUIRE_TIMEOUT_MS = "db.acquire-timeout-ms";
  public static final String DB_EMBEDDED_DATA_DIR = "db.embedded.data-dir";
  public static final String DB_EMBEDDED_PORT = "db.embedded.port";

  public static final String EVENTBUS_REQUEST_TIMEOUT_MS = "eventbus.request-timeout-ms";

  public static final String CUSTOMERS_INSTANCES = "customers.instances";
  public static final String SHUTDOWN_GRACE_MS = "shutdown.grace-ms";

  private ConfigKeys() {
  }

  /** The environment variable that overrides {@code key}: {@code db.pool.size -> DB_POOL_SIZE}. */
  public static String environmentName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
