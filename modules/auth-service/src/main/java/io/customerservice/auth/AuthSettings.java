package io.customerservice.auth;

import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.ConfigKeys;
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

  public static AuthSettings from(Settings settings) {
    JwtSettings jwt = JwtSettings.from(settings);
    if (!jwt.usesSharedSecret()) {
      throw new ConfigException(ConfigKeys.JWT_ALGORITHM, "must be HS256, HS384 or HS512 for the auth role: it signs tokens with jwt.secret");
    }
    return new AuthSettings(
        settings.string(ConfigKeys.AUTH_HOST),
        settings.port(ConfigKeys.AUTH_PORT, true),
        settings.string(ConfigKeys.AUTH_ADVERTISED_HOST),
        settings.string(ConfigKeys.AUTH_SERVICE_RECORD_NAME),
        Duration.ofSeconds(settings.integer(ConfigKeys.AUTH_ACCESS_TOKEN_LIFETIME_SECONDS, 10, 86_400 * 7)),
        Duration.ofSeconds(settings.integer(ConfigKeys.AUTH_REFRESH_TOKEN_LIFETIME_SECONDS, 60, 86_400 * 365)),
        settings.integer(ConfigKeys.AUTH_PASSWORD_ITERATIONS, 1_000, 10_000_000),
        settings.integer(ConfigKeys.AUTH_PASSWORD_MIN_LENGTH, 8, 1024),
        settings.integer(ConfigKeys.AUTH_LOGIN_MAX_FAILURES_PER_EMAIL, 1, 1_000_000),
        settings.integer(ConfigKeys.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS, 1, 1_000_000),
        settings.integer(ConfigKeys.AUTH_REGISTER_MAX_PER_ADDRESS, 1, 1_000_000),
        Duration.ofSeconds(settings.integer(ConfigKeys.AUTH_LOGIN_WINDOW_SECONDS, 1, 86_400)),
        clientAddresses(settings.string(ConfigKeys.HTTP_TRUSTED_PROXIES)),
        jwt);
  }

  private static ClientAddresses clientAddresses(String trustedProxies) {
    try {
      return ClientAddresses.trusting(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigKeys.HTTP_TRUSTED_PROXIES, e.getMessage());
    }
  }
}
