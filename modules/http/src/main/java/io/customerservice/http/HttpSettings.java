package io.customerservice.http;

import io.customerservice.contract.config.ConfigException;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.JwtSettings;
import io.customerservice.contract.config.Settings;

/** The HTTP verticle's configuration, read and checked once (the launcher checks it before deploying). */
public record HttpSettings(String host, int port, int bodyLimitBytes, int tokenCacheSize, int requestTimeoutMs, boolean remoteValidation, JwtSettings jwt) {

  public static HttpSettings from(Settings settings) {
    String validation = settings.string(ConfigKeys.AUTH_VALIDATION);
    if (!validation.equals("local") && !validation.equals("remote")) {
      throw new ConfigException(ConfigKeys.AUTH_VALIDATION, "must be local or remote, got '" + validation + "'");
    }
    boolean remote = validation.equals("remote");
    return new HttpSettings(
        settings.string(ConfigKeys.HTTP_HOST),
        settings.port(ConfigKeys.HTTP_PORT, true),
        settings.integer(ConfigKeys.HTTP_BODY_LIMIT_BYTES, 1024, 16 * 1024 * 1024),
        settings.integer(ConfigKeys.HTTP_TOKEN_CACHE_MAX_SIZE, 0, 10_000_000),
        settings.requestTimeoutMs(),
        remote,
        JwtSettings.from(settings, !remote));
  }
}
