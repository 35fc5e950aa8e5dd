package io.customerservice.http;

import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;

/** The HTTP verticle's configuration, read and checked once (the launcher checks it before deploying). */
public record HttpSettings(String host, int port, int bodyLimitBytes, int tokenCacheSize, int requestTimeoutMs,
    int answerTimeoutMs, String publicBaseUrl, boolean remoteValidation, JwtSettings jwt) {

  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_BODY_LIMIT_BYTES = "http.body-limit-bytes";
  /**
   * The scheme, host and optional path prefix clients reach the customer API at
   * ({@code https://api.example.com}); page links start with it. Empty: links are relative
   * ({@code /api/v1/customers/?page=2}). The request's Host header is never used.
   */
  public static final String HTTP_PUBLIC_BASE_URL = "http.public-base-url";
  /** How many verified access tokens each HTTP verticle instance remembers until they expire; 0: none. */
  public static final String HTTP_TOKEN_CACHE_MAX_SIZE = "http.token-cache.max-size";
  /** "local" (verify tokens in the HTTP verticle) or "remote" (ask the authentication service). */
  public static final String AUTH_VALIDATION = "auth.validation";

  public static HttpSettings from(Settings settings) {
    String validation = settings.string(AUTH_VALIDATION);
    if (!validation.equals("local") && !validation.equals("remote")) {
      throw new ConfigException(AUTH_VALIDATION, "must be local or remote, got '" + validation + "'");
    }
    boolean remote = validation.equals("remote");
    return new HttpSettings(
        settings.string(HTTP_HOST),
        settings.port(HTTP_PORT, true),
        settings.integer(HTTP_BODY_LIMIT_BYTES, 1024, 16 * 1024 * 1024),
        settings.integer(HTTP_TOKEN_CACHE_MAX_SIZE, 0, 10_000_000),
        settings.requestTimeoutMs(),
        settings.httpRequestTimeoutMs(),
        publicBaseUrl(settings.string(HTTP_PUBLIC_BASE_URL)),
        remote,
        JwtSettings.from(settings, !remote));
  }

  /** Empty, or an absolute http(s) URL with a host and no query or fragment, given without its trailing slash. */
  private static String publicBaseUrl(String value) {
    String base = value.strip();
    if (base.isEmpty()) {
      return "";
    }
    URI uri;
    try {
      uri = new URI(base);
    } catch (URISyntaxException e) {
      throw new ConfigException(HTTP_PUBLIC_BASE_URL, "must be an absolute URL such as https://api.example.com, got '" + value + "'");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new ConfigException(HTTP_PUBLIC_BASE_URL,
          "must be an http or https URL with a host and no user, query or fragment, such as https://api.example.com, got '" + value + "'");
    }
    return base.replaceAll("/+$", "");
  }
}
