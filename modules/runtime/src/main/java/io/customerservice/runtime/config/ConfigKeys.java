package io.customerservice.runtime.config;

/**
 * Every configuration key, spelled once. Defaults live in {@code conf/application.json}; the
 * environment variable of a key is the key upper-cased with dots and dashes as underscores.
 */
public final class ConfigKeys {

  /** Comma-separated roles this process runs, or "all". */
  public static final String ROLES = "roles";

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
  public static final String DB_EMBEDDED_DATA_DIR = "db.embedded.data-dir";
  public static final String DB_EMBEDDED_PORT = "db.embedded.port";

  /** Event-loop threads of the process; 0: one per core. */
  public static final String VERTX_EVENT_LOOPS = "vertx.event-loops";
  /** Use Linux epoll rather than Java NIO when the native library loads (it falls back to NIO). */
  public static final String VERTX_PREFER_NATIVE_TRANSPORT = "vertx.prefer-native-transport";

  /** Join a Hazelcast cluster, so the event bus spans processes. */
  public static final String CLUSTER_ENABLED = "cluster.enabled";
  /** The Hazelcast XML (on disk, else inside the jar). */
  public static final String CLUSTER_CONFIG = "cluster.config";
  /** The address this process binds for Hazelcast and the event bus. */
  public static final String CLUSTER_HOST = "cluster.host";
  /** The address other members reach this one at (containers, NAT); empty: cluster.host. */
  public static final String CLUSTER_PUBLIC_HOST = "cluster.public-host";
  public static final String CLUSTER_PORT = "cluster.port";
  /** Comma-separated TCP-IP members, host or host:port; a host alone is probed on cluster.port and the 19 ports after it. */
  public static final String CLUSTER_MEMBERS = "cluster.members";

  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_INSTANCES = "http.instances";
  public static final String HTTP_BODY_LIMIT_BYTES = "http.body-limit-bytes";
  /** The longest any HTTP request of either service waits for its answer; past it, 504. */
  public static final String HTTP_REQUEST_TIMEOUT_MS = "http.request-timeout-ms";
  /**
   * The scheme, host and optional path prefix clients reach the customer API at
   * ({@code https://api.example.com}); page links start with it. Empty: links are relative
   * ({@code /api/v1/customers/?page=2}). The request's Host header is never used.
   */
  public static final String HTTP_PUBLIC_BASE_URL = "http.public-base-url";
  /**
   * Comma-separated addresses or CIDR blocks of reverse proxies whose {@code X-Forwarded-For}
   * is believed; empty: the client address is always the connection's peer.
   */
  public static final String HTTP_TRUSTED_PROXIES = "http.trusted-proxies";
  public static final String HTTP_CORS_ALLOWED_ORIGINS = "http.cors.allowed-origins";
  /** How many verified access tokens each HTTP verticle instance remembers until they expire; 0: none. */
  public static final String HTTP_TOKEN_CACHE_MAX_SIZE = "http.token-cache.max-size";

  public static final String JWT_ALGORITHM = "jwt.algorithm";
  public static final String JWT_SECRET = "jwt.secret";
  public static final String JWT_DEV_SECRET_FILE = "jwt.dev-secret-file";
  public static final String JWT_JWKS_URL = "jwt.jwks-url";
  public static final String JWT_LEEWAY_SECONDS = "jwt.leeway-seconds";
  public static final String JWT_ISSUER = "jwt.issuer";
  public static final String JWT_AUDIENCE = "jwt.audience";
  public static final String JWT_CLAIM_USER_ID = "jwt.claim.user-id";
  public static final String JWT_CLAIM_TOKEN_TYPE = "jwt.claim.token-type";
  public static final String JWT_CLAIM_ROLE = "jwt.claim.role";
  public static final String JWT_CLAIM_EMAIL = "jwt.claim.email";
  public static final String JWT_CLAIM_FIRST_NAME = "jwt.claim.first-name";
  public static final String JWT_CLAIM_LAST_NAME = "jwt.claim.last-name";

  public static final String AUTH_HOST = "auth.host";
  public static final String AUTH_PORT = "auth.port";
  public static final String AUTH_INSTANCES = "auth.instances";
  /** The host other processes reach the authentication service at, published in service discovery. */
  public static final String AUTH_ADVERTISED_HOST = "auth.advertised-host";
  public static final String AUTH_ACCESS_TOKEN_LIFETIME_SECONDS = "auth.access-token-lifetime-seconds";
  public static final String AUTH_REFRESH_TOKEN_LIFETIME_SECONDS = "auth.refresh-token-lifetime-seconds";
  public static final String AUTH_PASSWORD_ITERATIONS = "auth.password.iterations";
  public static final String AUTH_PASSWORD_MIN_LENGTH = "auth.password.min-length";
  public static final String AUTH_LOGIN_MAX_FAILURES_PER_EMAIL = "auth.login.max-failures-per-email";
  public static final String AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS = "auth.login.max-failures-per-address";
  public static final String AUTH_LOGIN_WINDOW_SECONDS = "auth.login.window-seconds";
  /** Registrations per client address within auth.login.window-seconds (each costs a full password hash). */
  public static final String AUTH_REGISTER_MAX_PER_ADDRESS = "auth.register.max-per-address";

  /** "local" (verify tokens in the HTTP verticle) or "remote" (ask the authentication service). */
  public static final String AUTH_VALIDATION = "auth.validation";

  public static final String AUTH_SERVICE_URL = "auth-service.url";
  public static final String AUTH_SERVICE_RECORD_NAME = "auth-service.record-name";
  public static final String AUTH_SERVICE_USER_PATH = "auth-service.user-path";
  public static final String AUTH_SERVICE_USER_BY_EMAIL_PATH = "auth-service.user-by-email-path";
  public static final String AUTH_SERVICE_VERIFY_PATH = "auth-service.verify-path";
  public static final String AUTH_SERVICE_CREDENTIAL = "auth-service.credential";
  public static final String AUTH_SERVICE_SERVICE_TOKEN = "auth-service.service-token";
  public static final String AUTH_SERVICE_TIMEOUT_MS = "auth-service.timeout-ms";
  public static final String AUTH_SERVICE_MAX_CONNECTIONS = "auth-service.max-connections";
  public static final String AUTH_SERVICE_BREAKER_MAX_FAILURES = "auth-service.breaker.max-failures";
  public static final String AUTH_SERVICE_BREAKER_TIMEOUT_MS = "auth-service.breaker.timeout-ms";
  public static final String AUTH_SERVICE_BREAKER_RESET_TIMEOUT_MS = "auth-service.breaker.reset-timeout-ms";

  public static final String AUTH_PROXY_INSTANCES = "auth-proxy.instances";
  public static final String AUTH_PROXY_CACHE_TTL_MS = "auth-proxy.cache.ttl-ms";
  public static final String AUTH_PROXY_CACHE_NOT_FOUND_TTL_MS = "auth-proxy.cache.not-found-ttl-ms";
  public static final String AUTH_PROXY_CACHE_STALE_TTL_MS = "auth-proxy.cache.stale-ttl-ms";
  public static final String AUTH_PROXY_CACHE_MAX_SIZE = "auth-proxy.cache.max-size";

  public static final String EVENTBUS_REQUEST_TIMEOUT_MS = "eventbus.request-timeout-ms";

  public static final String CUSTOMERS_INSTANCES = "customers.instances";
  public static final String HISTORY_INSTANCES = "history.instances";
  public static final String HISTORY_MAX_CLOCK_SKEW_SECONDS = "history.max-clock-skew-seconds";
  public static final String SHUTDOWN_GRACE_MS = "shutdown.grace-ms";
  public static final String SHUTDOWN_DRAIN_MS = "shutdown.drain-ms";
  public static final String HEALTH_READY_TIMEOUT_MS = "health.ready-timeout-ms";

  private ConfigKeys() {
  }

  /** The environment variable that overrides {@code key}: {@code db.pool.size -> DB_POOL_SIZE}. */
  public static String environmentName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
