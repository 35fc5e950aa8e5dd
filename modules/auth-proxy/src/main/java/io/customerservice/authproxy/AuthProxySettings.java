package io.customerservice.authproxy;

import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.Settings;
import java.time.Duration;

/** The auth proxy's configuration, read and checked once. */
public record AuthProxySettings(
    String url,
    String recordName,
    String userPath,
    String userByEmailPath,
    String verifyPath,
    boolean forwardCallerToken,
    String serviceToken,
    int timeoutMs,
    int maxConnections,
    int breakerMaxFailures,
    int breakerTimeoutMs,
    int breakerResetTimeoutMs,
    Duration cacheTtl,
    Duration notFoundTtl,
    Duration staleTtl,
    int cacheMaxSize) {

  public static final String AUTH_SERVICE_URL = "auth-service.url";
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
  public static final String AUTH_PROXY_CACHE_TTL_MS = "auth-proxy.cache.ttl-ms";
  public static final String AUTH_PROXY_CACHE_NOT_FOUND_TTL_MS = "auth-proxy.cache.not-found-ttl-ms";
  public static final String AUTH_PROXY_CACHE_STALE_TTL_MS = "auth-proxy.cache.stale-ttl-ms";
  public static final String AUTH_PROXY_CACHE_MAX_SIZE = "auth-proxy.cache.max-size";

  private static final String USER_ID_PLACEHOLDER = "{id}";

  static AuthProxySettings from(Settings settings) {
    String url = settings.string(AUTH_SERVICE_URL);
    if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException(AUTH_SERVICE_URL, "must be an http(s) URL or empty, got '" + url + "'");
    }
    String userPath = settings.string(AUTH_SERVICE_USER_PATH);
    if (!userPath.startsWith("/") || !userPath.contains(USER_ID_PLACEHOLDER)) {
      throw new ConfigException(AUTH_SERVICE_USER_PATH, "must be a path containing " + USER_ID_PLACEHOLDER);
    }
    String credential = settings.string(AUTH_SERVICE_CREDENTIAL);
    if (!credential.equals("forward") && !credential.equals("service")) {
      throw new ConfigException(AUTH_SERVICE_CREDENTIAL, "must be forward or service, got '" + credential + "'");
    }
    String serviceToken = settings.string(AUTH_SERVICE_SERVICE_TOKEN);
    if (credential.equals("service") && serviceToken.isEmpty()) {
      throw new ConfigException(AUTH_SERVICE_SERVICE_TOKEN, "is required when auth-service.credential is service");
    }
    int timeout = settings.integer(AUTH_SERVICE_TIMEOUT_MS, 1, 600_000);
    int breakerTimeout = settings.integer(AUTH_SERVICE_BREAKER_TIMEOUT_MS, 1, 600_000);
    if (breakerTimeout < timeout) {
      throw new ConfigException(AUTH_SERVICE_BREAKER_TIMEOUT_MS,
          "must not be shorter than auth-service.timeout-ms, so the client's own timeout ends a slow call first");
    }
    return new AuthProxySettings(url,
        settings.string(Settings.AUTH_SERVICE_RECORD_NAME),
        userPath,
        settings.string(AUTH_SERVICE_USER_BY_EMAIL_PATH),
        settings.string(AUTH_SERVICE_VERIFY_PATH),
        credential.equals("forward"),
        serviceToken,
        timeout,
        settings.integer(AUTH_SERVICE_MAX_CONNECTIONS, 1, 1000),
        settings.integer(AUTH_SERVICE_BREAKER_MAX_FAILURES, 1, 10_000),
        breakerTimeout,
        settings.integer(AUTH_SERVICE_BREAKER_RESET_TIMEOUT_MS, 1, 3_600_000),
        Duration.ofMillis(settings.integer(AUTH_PROXY_CACHE_TTL_MS, 1, Integer.MAX_VALUE)),
        Duration.ofMillis(settings.integer(AUTH_PROXY_CACHE_NOT_FOUND_TTL_MS, 1, Integer.MAX_VALUE)),
        Duration.ofMillis(settings.integer(AUTH_PROXY_CACHE_STALE_TTL_MS, 1, Integer.MAX_VALUE)),
        settings.integer(AUTH_PROXY_CACHE_MAX_SIZE, 1, 100_000_000));
  }

  String userPath(java.util.UUID userId) {
    return userPath.replace(USER_ID_PLACEHOLDER, userId.toString());
  }

  String userByEmailPath(String email) {
    return userByEmailPath.replace("{email}", java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The bearer token to send upstream for a caller's request, or null for none. */
  String credentialFor(String callerToken) {
    return forwardCallerToken ? callerToken : serviceToken;
  }
}
