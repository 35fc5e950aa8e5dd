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

  public static DatabaseSettings from(Settings settings) {
    return new DatabaseSettings(
        settings.string(ConfigKeys.DB_HOST),
        settings.port(ConfigKeys.DB_PORT, false),
        socketDir(settings),
        settings.string(ConfigKeys.DB_DATABASE),
        settings.string(ConfigKeys.DB_USER),
        settings.string(ConfigKeys.DB_PASSWORD),
        settings.integer(ConfigKeys.DB_POOL_SIZE, 1, 1000),
        settings.integer(ConfigKeys.DB_POOL_LOOKUP_CONNECTIONS, 0, 64),
        settings.integer(ConfigKeys.DB_POOL_WAIT_QUEUE, -1, 1_000_000),
        settings.integer(ConfigKeys.DB_CONNECT_TIMEOUT_MS, 100, 600_000),
        settings.integer(ConfigKeys.DB_ACQUIRE_TIMEOUT_MS, 100, 600_000));
  }

  private static String socketDir(Settings settings) {
    String dir = settings.string(ConfigKeys.DB_SOCKET_DIR);
    if (!dir.isEmpty() && !dir.startsWith("/")) {
      throw new ConfigException(ConfigKeys.DB_SOCKET_DIR, "must be an absolute directory path, got '" + dir + "'");
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
