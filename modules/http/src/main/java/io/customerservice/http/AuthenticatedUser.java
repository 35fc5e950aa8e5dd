package io.customerservice.http;

import io.customerservice.contract.UserRole;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller, as its verified access token describes it. Put on the routing context once by
 * {@link BearerAuthentication}; handlers read it here and never look at the token again.
 */
record AuthenticatedUser(UUID userId, String email, String firstName, String lastName, String roleClaim) {

  private static final String CONTEXT_KEY = "customer-service.user";

  Optional<UserRole> role() {
    return UserRole.fromClaim(roleClaim);
  }

  void attachTo(RoutingContext ctx) {
    ctx.put(CONTEXT_KEY, this);
  }

  static AuthenticatedUser of(RoutingContext ctx) {
    AuthenticatedUser user = ctx.get(CONTEXT_KEY);
    if (user == null) {
      throw new IllegalStateException("route " + ctx.normalizedPath() + " is not behind authentication");
    }
    return user;
  }

  /** The seed's read-only user object, from the token: what a customer sees about themselves. */
  JsonObject toUserJson() {
    return new JsonObject()
        .put("id", userId.toString())
        .put("email", email)
        .put("first_name", firstName)
        .put("last_name", lastName)
        .put("user_role", roleClaim);
  }
}
