package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.web.SignedTokens;
import io.customerservice.runtime.config.JwtSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;

/**
 * Verifies access tokens locally, as the seed's CustomerJWTAuthentication does: signature (only
 * the configured algorithm, so {@code alg: none} never passes), expiry with the configured
 * leeway, issuer and audience when configured, then simplejwt's own rules ({@link AccessClaims}).
 */
final class LocalTokenVerifier implements TokenVerifier {

  private final JWTAuth jwt;
  private final AccessClaims claims;
  private final VerifiedTokens verified;
  private final long leewayMillis;

  private LocalTokenVerifier(JWTAuth jwt, JwtSettings settings, int cacheSize) {
    this.jwt = jwt;
    this.claims = new AccessClaims(settings);
    this.verified = new VerifiedTokens(cacheSize);
    this.leewayMillis = settings.leewaySeconds() * 1000L;
  }

  /**
   * A verifier for the configured algorithm; with a JWKS URL, once its keys are fetched. It
   * remembers up to {@code cacheSize} verified tokens until they expire.
   */
  static Future<TokenVerifier> create(Vertx vertx, JwtSettings settings, int cacheSize) {
    JWTOptions checks = new JWTOptions().setLeeway(settings.leewaySeconds());
    if (!settings.issuer().isEmpty()) {
      checks.setIssuer(settings.issuer());
    }
    if (!settings.audience().isEmpty()) {
      checks.setAudience(List.of(settings.audience()));
    }
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(checks);
    Future<JWTAuthOptions> keyed = settings.usesSharedSecret()
        ? Future.succeededFuture(options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(settings.algorithm()).setBuffer(settings.secret())))
        : fetchKeys(vertx, settings.jwksUrl()).map(keys -> {
            keys.stream().map(JsonObject.class::cast)
                .filter(key -> !key.containsKey("alg") || settings.algorithm().equals(key.getString("alg")))
                .forEach(options::addJwk);
            return options;
          });
    return keyed.map(o -> new LocalTokenVerifier(JWTAuth.create(vertx, o), settings, cacheSize));
  }

  @Override
  public Future<AuthenticatedUser> verify(String token) {
    AuthenticatedUser known = verified.get(token);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return SignedTokens.claims(jwt, token)
        .recover(error -> Future.failedFuture(HttpProblem.tokenNotValid()))
        .map(decoded -> {
          AuthenticatedUser caller = claims.toUser(decoded);
          // vertx-auth-jwt accepts a token while now - leeway < exp (seconds).
          verified.put(token, caller, claims.expiry(decoded) * 1000L + leewayMillis);
          return caller;
        });
  }

  private static Future<JsonArray> fetchKeys(Vertx vertx, String url) {
    HttpClient client = vertx.createHttpClient();
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(10_000))
        .compose(request -> request.send())
        .compose(response -> response.statusCode() == 200
            ? response.body()
            : Future.failedFuture("JWKS " + url + " answered " + response.statusCode()))
        .map(body -> body.toJsonObject().getJsonArray("keys", new JsonArray()))
        .andThen(done -> client.close());
  }
}
