package io.customerservice.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;

/**
 * The claims of a token whose signature and expiry vertx-auth-jwt accepts, as a future that
 * fails, never throws: the library throws from {@code authenticate} itself on claims of the
 * wrong type (a string {@code exp} or {@code iat}), which would otherwise escape every
 * {@code recover}. The registered time claims must be finite numbers when present.
 */
public final class SignedTokens {

  /** Where vertx-auth-jwt keeps every decoded claim; its principal leaves out exp and iat. */
  private static final String DECODED_CLAIMS = "accessToken";
  private static final List<String> NUMERIC_DATES = List.of("exp", "iat", "nbf");

  private SignedTokens() {
  }

  public static Future<JsonObject> claims(JWTAuth jwt, String token) {
    Future<io.vertx.ext.auth.User> user;
    try {
      user = jwt.authenticate(new TokenCredentials(token));
    } catch (RuntimeException malformed) {
      return Future.failedFuture(malformed);
    }
    return user.compose(verified -> {
      Object claims = verified.attributes().getValue(DECODED_CLAIMS);
      if (!(claims instanceof JsonObject decoded)) {
        return Future.failedFuture("no decoded claims");
      }
      for (String name : NUMERIC_DATES) {
        Object value = decoded.getValue(name);
        if (value != null && !(value instanceof Number number && Double.isFinite(number.doubleValue()))) {
          return Future.failedFuture("claim " + name + " is not a number");
        }
      }
      return Future.succeededFuture(decoded);
    });
  }
}
