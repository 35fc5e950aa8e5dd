package io.customerservice.auth;

import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.web.SignedTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;

/**
 * Issues and checks tokens in djangorestframework-simplejwt's layout: {@code token_type},
 * {@code exp}, {@code iat}, {@code jti}, {@code user_id}, plus the service's custom claims
 * (email, names, role), signed with the configured shared secret, the one the customer service
 * verifies with.
 */
final class TokenIssuer {

  static final String ACCESS = "access";
  static final String REFRESH = "refresh";

  private final JWTAuth jwt;
  private final JwtSettings settings;
  private final AuthSettings lifetimes;

  TokenIssuer(Vertx vertx, AuthSettings auth) {
    this.settings = auth.jwt();
    this.lifetimes = auth;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(settings.algorithm()).setBuffer(settings.secret()))
        .setJWTOptions(new JWTOptions().setLeeway(settings.leewaySeconds())));
  }

  /** {@code {"access": ..., "refresh": ...}} for a user. */
  JsonObject pair(JsonObject user) {
    return new JsonObject().put(REFRESH, sign(claims(user, REFRESH), (int) lifetimes.refreshLifetime().toSeconds())).put(ACCESS, access(user));
  }

  String access(JsonObject user) {
    return sign(claims(user, ACCESS), (int) lifetimes.accessLifetime().toSeconds());
  }

  /** The claims of a token whose signature and expiry are good, or a failed future. */
  Future<JsonObject> decode(String token) {
    return SignedTokens.claims(jwt, token);
  }

  String tokenType(JsonObject claims) {
    return claims.getValue(settings.tokenTypeClaim()) instanceof String type ? type : null;
  }

  String roleClaim() {
    return settings.roleClaim();
  }

  String userId(JsonObject claims) {
    return claims.getValue(settings.userIdClaim()) instanceof String id ? id : null;
  }

  private JsonObject claims(JsonObject user, String type) {
    return settings.claims(type, user.getString("id"), user.getString("email"), user.getString("first_name"),
        user.getString("last_name"), user.getString("user_role"));
  }

  private String sign(JsonObject claims, int lifetimeSeconds) {
    JWTOptions options = new JWTOptions().setAlgorithm(settings.algorithm()).setExpiresInSeconds(lifetimeSeconds);
    if (!settings.issuer().isEmpty()) {
      options.setIssuer(settings.issuer());
    }
    if (!settings.audience().isEmpty()) {
      options.setAudience(List.of(settings.audience()));
    }
    return jwt.generateToken(claims, options);
  }
}
