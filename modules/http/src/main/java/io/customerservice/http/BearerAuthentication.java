package io.customerservice.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <token>}, verifies the token and puts the caller on the
 * context; refuses with simplejwt's 401 answers otherwise.
 */
final class BearerAuthentication implements Handler<RoutingContext> {

  private static final String SCHEME = "Bearer";
  private final TokenVerifier verifier;

  BearerAuthentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String[] parts = header == null ? new String[0] : header.strip().split(" +");
    if (parts.length == 0 || !parts[0].equals(SCHEME)) {
      ctx.fail(HttpProblem.notAuthenticated("Authentication credentials were not provided.", null));
      return;
    }
    if (parts.length != 2) {
      ctx.fail(HttpProblem.notAuthenticated("Authorization header must contain two space-delimited values", "bad_authorization_header"));
      return;
    }
    verifier.verify(parts[1]).onComplete(user -> {
      user.withToken(parts[1]).attachTo(ctx);
      ctx.next();
    }, ctx::fail);
  }
}
