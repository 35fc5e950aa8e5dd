package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.vertx.core.Future;

/** Turns a bearer token into the caller, or fails with a 401 {@link HttpProblem}. */
interface TokenVerifier {

  Future<AuthenticatedUser> verify(String token);
}
