package io.customerservice.app;

import io.customerservice.runtime.config.JwtSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.UUID;

/** Access tokens in the authentication service's layout, signed with the configured HS* secret, for operators' tools. */
final class AccessTokens {

  private AccessTokens() {
  }

  static String mint(Vertx vertx, JwtSettings jwt, UUID userId, String email, String firstName, String lastName,
      String role, int minutes) {
    if (!jwt.usesSharedSecret()) {
      throw new IllegalStateException("jwt.algorithm is " + jwt.algorithm() + "; only HS* tokens can be minted here");
    }
    JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(jwt.algorithm()).setBuffer(jwt.secret())));
    JsonObject claims = jwt.claims("access", userId.toString(), email, firstName, lastName, role);
    JWTOptions options = new JWTOptions().setAlgorithm(jwt.algorithm()).setExpiresInMinutes(minutes);
    if (!jwt.issuer().isEmpty()) {
      options.setIssuer(jwt.issuer());
    }
    if (!jwt.audience().isEmpty()) {
      options.setAudience(List.of(jwt.audience()));
    }
    return auth.generateToken(claims, options);
  }
}
