package io.customerservice.runtime.config;

/**
 * Where the PostgreSQL server is and how a process's one pool talks to it. A blank host means
 * "start the embedded PostgreSQL", which the launcher resolves before any verticle reads this.
 */
public record DatabaseSettings(
    String host,
    int port,
    String socketDir,
    String database,
    String user,
    String password,
    int poolSize,
    int lookupConnections,
    int poolWaitQueue,
    int connectTimeoutMs,
    int acquireTimeoutMs) {

  public static final String DB_HOST = "db.host";
  public static final String DB_PORT = "db.port";
  /**
   * A directory holding PostgreSQL's Unix-domain socket (libpq's {@code host=/dir}): the service's
   * connections use it instead of TCP; migrations still connect to db.host. Empty: TCP only.
   */
  public static final String DB_SOCKET_DIR = "db.socket-dir";
  public static final String DB_DATABASE = "db.database";
  public static final String DB_USER = "db.user";
  public static final String DB_PASSWORD = "db.password";
  public static final String DB_POOL_SIZE = "db.pool.size";
  /** Pipelined connections for short statements by key, beside the pool; 0: they use the pool. */
  public static final String DB_POOL_LOOKUP_CONNECTIONS = "db.pool.lookup-connections";
  public static final String DB_POOL_WAIT_QUEUE = "db.pool.wait-queue";
  public static final String DB_CONNECT_TIMEOUT_MS = "db.connect-timeout-ms";
  public static final String DB_ACQUIRE_TIMEOUT_MS = "db.acquire-timeout-ms";

  public static DatabaseSettings from(Settings settings) {
    return new DatabaseSettings(
        settings.string(DB_HOST),
        settings.port(DB_PORT, false),
        socketDir(settings),
        settings.string(DB_DATABASE),
        settings.string(DB_USER),
        settings.string(DB_PASSWORD),
        settings.integer(DB_POOL_SIZE, 1, 1000),
        settings.integer(DB_POOL_LOOKUP_CONNECTIONS, 0, 64),
        settings.integer(DB_POOL_WAIT_QUEUE, -1, 1_000_000),
        settings.integer(DB_CONNECT_TIMEOUT_MS, 100, 600_000),
        settings.integer(DB_ACQUIRE_TIMEOUT_MS, 100, 600_000));
  }

  private static String socketDir(Settings settings) {
    String dir = settings.string(DB_SOCKET_DIR);
    if (!dir.isEmpty() && !dir.startsWith("/")) {
      throw new ConfigException(DB_SOCKET_DIR, "must be an absolute directory path, got '" + dir + "'");
    }
    return dir;
  }

  public boolean embedded() {
    return host.isEmpty();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Where the service's own connections go: the socket directory when there is one (with port, it names the socket), else the host. */
  public String connectionHost() {
    return socketDir.isEmpty() ? host : socketDir;
  }

  /** Host, port and database, without credentials, for log lines. */
  public String describe() {
    return "postgresql://" + host + ":" + port + "/" + database + (socketDir.isEmpty() ? "" : " (through the socket in " + socketDir + ")");
  }

  @Override
  public String toString() {
    return describe() + " as " + user;
  }
}
