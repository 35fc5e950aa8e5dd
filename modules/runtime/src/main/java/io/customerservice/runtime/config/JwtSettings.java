package io.customerservice.runtime.config;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;

/**
 * How access tokens are signed and what their claims are called: djangorestframework-simplejwt's
 * layout by default (HS256 with a shared secret, {@code token_type} "access", {@code user_id}),
 * plus the authentication service's custom claims. RS256 and ES256 verify against a JWKS URL.
 */
public record JwtSettings(
    String algorithm,
    String secret,
    String jwksUrl,
    int leewaySeconds,
    String issuer,
    String audience,
    String userIdClaim,
    String tokenTypeClaim,
    String roleClaim,
    String emailClaim,
    String firstNameClaim,
    String lastNameClaim) {

  public static final String JWT_ALGORITHM = "jwt.algorithm";
  public static final String JWT_SECRET = "jwt.secret";
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

  private static final Set<String> SHARED_SECRET = Set.of("HS256", "HS384", "HS512");
  private static final Set<String> PUBLIC_KEY = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

  /** The settings for verifying (and minting) tokens here: the secret or key URL is required. */
  public static JwtSettings from(Settings settings) {
    return from(settings, true);
  }

  /**
   * The settings; {@code needKeys} false when another service verifies signatures (the remote
   * validation mode), so only the claim names matter.
   */
  public static JwtSettings from(Settings settings, boolean needKeys) {
    String algorithm = settings.string(JWT_ALGORITHM);
    String secret = settings.string(JWT_SECRET);
    String jwksUrl = settings.string(JWT_JWKS_URL);
    if (SHARED_SECRET.contains(algorithm)) {
      if (needKeys && secret.isEmpty()) {
        throw new ConfigException(JWT_SECRET, "is required: tokens are verified with " + algorithm
            + " and the secret the authentication service signs with");
      }
    } else if (PUBLIC_KEY.contains(algorithm)) {
      if (needKeys && !jwksUrl.startsWith("http://") && !jwksUrl.startsWith("https://")) {
        throw new ConfigException(JWT_JWKS_URL, "is required as an http(s) URL with " + algorithm);
      }
    } else {
      throw new ConfigException(JWT_ALGORITHM, "must be one of HS256, HS384, HS512, RS256, RS384, RS512, "
          + "ES256, ES384, ES512, got '" + algorithm + "'");
    }
    return new JwtSettings(algorithm, secret, jwksUrl,
        settings.integer(JWT_LEEWAY_SECONDS, 0, 3600),
        settings.string(JWT_ISSUER),
        settings.string(JWT_AUDIENCE),
        claim(settings, JWT_CLAIM_USER_ID),
        claim(settings, JWT_CLAIM_TOKEN_TYPE),
        claim(settings, JWT_CLAIM_ROLE),
        claim(settings, JWT_CLAIM_EMAIL),
        claim(settings, JWT_CLAIM_FIRST_NAME),
        claim(settings, JWT_CLAIM_LAST_NAME));
  }

  /**
   * The claims of a token in simplejwt's layout with the authentication service's custom claims,
   * under the configured names; the signer adds exp and iat.
   */
  public JsonObject claims(String tokenType, String userId, String email, String firstName, String lastName, String role) {
    return new JsonObject()
        .put(tokenTypeClaim, tokenType)
        .put("jti", UUID.randomUUID().toString().replace("-", ""))
        .put(userIdClaim, userId)
        .put(emailClaim, email)
        .put(firstNameClaim, firstName)
        .put(lastNameClaim, lastName)
        .put(roleClaim, role);
  }

  public boolean usesSharedSecret() {
    return SHARED_SECRET.contains(algorithm);
  }

  private static String claim(Settings settings, String key) {
    String name = settings.string(key);
    if (name.isEmpty()) {
      throw new ConfigException(key, "must name a claim");
    }
    return name;
  }
}
