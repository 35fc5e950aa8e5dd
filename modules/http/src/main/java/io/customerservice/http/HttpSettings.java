package io.customerservice.http;

import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.JwtSettings;
import io.customerservice.contract.config.Settings;

/** The HTTP verticle's configuration, read and checked once (the launcher checks it before deploying). */
public record HttpSettings(String host, int port, int bodyLimitBytes, int requestTimeoutMs, JwtSettings jwt) {

  public static HttpSettings from(Settings settings) {
    return new HttpSettings(
        settings.string(ConfigKeys.HTTP_HOST),
        settings.port(ConfigKeys.HTTP_PORT, true),
        settings.integer(ConfigKeys.HTTP_BODY_LIMIT_BYTES, 1024, 16 * 1024 * 1024),
        settings.integer(ConfigKeys.EVENTBUS_REQUEST_TIMEOUT_MS, 1, 600_000),
        JwtSettings.from(settings));
  }
}
