package io.customerservice.testkit;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens exactly as the authentication service (djangorestframework-simplejwt with custom
 * claims) issues them, signed here with plain HMAC so the tests do not trust the library they test.
 */
public final class Tokens {

  public static final String SECRET = "test-secret-for-customer-service-tests-0123456789";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {
  }

  /** simplejwt's access-token claims for a user, valid for five minutes. */
  public static JsonObject claims(UUID userId, String role) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject()
        .put("token_type", "access")
        .put("exp", now + 300)
        .put("iat", now)
        .put("jti", UUID.randomUUID().toString().replace("-", ""))
        .put("user_id", userId.toString())
        .put("email", "user-" + userId.toString().substring(0, 8) + "@example.com")
        .put("first_name", "Test")
        .put("last_name", "User")
        .put("user_role", role);
  }

  public static String access(UUID userId, String role) {
    return sign(claims(userId, role));
  }

  public static String sign(JsonObject claims) {
    return sign(claims, SECRET);
  }

  public static String sign(JsonObject claims, String secret) {
    String signingInput = part(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + part(claims);
    return signingInput + "." + B64.encodeToString(hmac(signingInput, secret));
  }

  /** The same claims with {@code "alg": "none"} and no signature: must never be accepted. */
  public static String unsigned(JsonObject claims) {
    return part(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + part(claims) + ".";
  }

  private static String part(JsonObject json) {
    return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(String input, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
