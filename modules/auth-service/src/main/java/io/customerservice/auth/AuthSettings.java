package io.customerservice.auth;

import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.web.ClientAddresses;
import java.time.Duration;

/** The authentication service's configuration, read and checked once. */
public record AuthSettings(
    String host,
    int port,
    String advertisedHost,
    String recordName,
    Duration accessLifetime,
    Duration refreshLifetime,
    int passwordIterations,
    int passwordMinLength,
    int maxFailuresPerEmail,
    int maxFailuresPerAddress,
    int maxRegistrationsPerAddress,
    Duration loginWindow,
    ClientAddresses clientAddresses,
    JwtSettings jwt) {

  /**
   * Comma-separated addresses or CIDR blocks of reverse proxies whose {@code X-Forwarded-For}
   * is believed; empty: the client address is always the connection's peer.
   */
  public static final String HTTP_TRUSTED_PROXIES = "http.trusted-proxies";
  public static final String AUTH_HOST = "auth.host";
  public static final String AUTH_PORT = "auth.port";
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

  public static AuthSettings from(Settings settings) {
    JwtSettings jwt = JwtSettings.from(settings);
    if (!jwt.usesSharedSecret()) {
      throw new ConfigException(JwtSettings.JWT_ALGORITHM, "must be HS256, HS384 or HS512 for the auth role: it signs tokens with jwt.secret");
    }
    return new AuthSettings(
        settings.string(AUTH_HOST),
        settings.port(AUTH_PORT, true),
        settings.string(AUTH_ADVERTISED_HOST),
        settings.string(Settings.AUTH_SERVICE_RECORD_NAME),
        Duration.ofSeconds(settings.integer(AUTH_ACCESS_TOKEN_LIFETIME_SECONDS, 10, 86_400 * 7)),
        Duration.ofSeconds(settings.integer(AUTH_REFRESH_TOKEN_LIFETIME_SECONDS, 60, 86_400 * 365)),
        settings.integer(AUTH_PASSWORD_ITERATIONS, 1_000, 10_000_000),
        settings.integer(AUTH_PASSWORD_MIN_LENGTH, 8, 1024),
        settings.integer(AUTH_LOGIN_MAX_FAILURES_PER_EMAIL, 1, 1_000_000),
        settings.integer(AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS, 1, 1_000_000),
        settings.integer(AUTH_REGISTER_MAX_PER_ADDRESS, 1, 1_000_000),
        Duration.ofSeconds(settings.integer(AUTH_LOGIN_WINDOW_SECONDS, 1, 86_400)),
        clientAddresses(settings.string(HTTP_TRUSTED_PROXIES)),
        jwt);
  }

  private static ClientAddresses clientAddresses(String trustedProxies) {
    try {
      return ClientAddresses.trusting(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(HTTP_TRUSTED_PROXIES, e.getMessage());
    }
  }
}
