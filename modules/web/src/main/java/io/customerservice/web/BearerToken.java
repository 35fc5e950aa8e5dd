package io.customerservice.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** The token of {@code Authorization: Bearer <token>}, refused with simplejwt's 401 answers when absent or malformed. */
public final class BearerToken {

  private static final String SCHEME = "Bearer";

  private BearerToken() {
  }

  public static String of(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String[] parts = header == null ? new String[0] : header.strip().split(" +");
    if (parts.length == 0 || !parts[0].equals(SCHEME)) {
      throw HttpProblem.notAuthenticated("Authentication credentials were not provided.", null);
    }
    if (parts.length != 2) {
      throw HttpProblem.notAuthenticated("Authorization header must contain two space-delimited values", "bad_authorization_header");
    }
    return parts[1];
  }
}
