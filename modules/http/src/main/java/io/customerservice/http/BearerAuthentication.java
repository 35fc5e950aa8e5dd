package io.customerservice.http;

import io.customerservice.web.BearerToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Verifies the request's bearer token and puts the caller on the context; simplejwt's 401s otherwise. */
final class BearerAuthentication implements Handler<RoutingContext> {

  private final TokenVerifier verifier;

  BearerAuthentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = BearerToken.of(ctx);
    verifier.verify(token).onComplete(user -> {
      user.withToken(token).attachTo(ctx);
      ctx.next();
    }, ctx::fail);
  }
}
