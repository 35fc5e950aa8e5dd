package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.contract.customer.Uuids;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/**
 * simplejwt's rules for the claims of a token whose signature is good: an {@code access} token
 * type, an expiry, a UUID user id; the names of the claims are configuration.
 */
final class AccessClaims {

  private static final String ACCESS = "access";
  private static final String EXPIRY = "exp";

  private final JwtSettings settings;

  AccessClaims(JwtSettings settings) {
    this.settings = settings;
  }

  AuthenticatedUser toUser(JsonObject claims) {
    if (!ACCESS.equals(claims.getValue(settings.tokenTypeClaim())) || !(claims.getValue(EXPIRY) instanceof Number)) {
      throw HttpProblem.tokenNotValid();
    }
    Object userId = claims.getValue(settings.userIdClaim());
    UUID id = (userId instanceof String text ? Uuids.parse(text) : Optional.<UUID>empty())
        .orElseThrow(() -> HttpProblem.notAuthenticated("Token contained no recognizable user identification", HttpProblem.TOKEN_NOT_VALID));
    return new AuthenticatedUser(id,
        text(claims, settings.emailClaim()),
        text(claims, settings.firstNameClaim()),
        text(claims, settings.lastNameClaim()),
        text(claims, settings.roleClaim()),
        null);
  }

  /** The exp claim of claims {@link #toUser} accepted, in seconds since the epoch. */
  long expiry(JsonObject claims) {
    return ((Number) claims.getValue(EXPIRY)).longValue();
  }

  private static String text(JsonObject claims, String name) {
    return claims.getValue(name) instanceof String value ? value : null;
  }
}
