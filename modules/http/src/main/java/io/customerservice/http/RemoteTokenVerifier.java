package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.web.BusClient;
import io.customerservice.contract.Addresses;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.runtime.config.JwtSettings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The seed's validate_token_with_auth_service(): every token is checked by the authentication
 * service, through the auth proxy (which caches each answer until the token expires), and must
 * then pass the same claim rules as a locally verified one.
 */
final class RemoteTokenVerifier implements TokenVerifier {

  private final BusClient bus;
  private final AccessClaims claims;
  private final int leewaySeconds;

  RemoteTokenVerifier(BusClient bus, JwtSettings settings) {
    this.bus = bus;
    this.claims = new AccessClaims(settings);
    this.leewaySeconds = settings.leewaySeconds();
  }

  @Override
  public Future<AuthenticatedUser> verify(String token) {
    return bus.request(Addresses.AUTH_TOKENS_VALIDATE, AuthMessages.validate(token), null).map(answer -> {
      if (!answer.getBoolean(AuthMessages.VALID, false)) {
        throw HttpProblem.tokenNotValid();
      }
      JsonObject decoded = answer.getJsonObject(AuthMessages.CLAIMS);
      // The service said yes while the token was fresh; the cached yes must not outlive it.
      if (decoded.getValue("exp") instanceof Number exp && exp.longValue() + leewaySeconds < Instant.now().getEpochSecond()) {
        throw HttpProblem.tokenNotValid();
      }
      return claims.toUser(decoded);
    });
  }
}
