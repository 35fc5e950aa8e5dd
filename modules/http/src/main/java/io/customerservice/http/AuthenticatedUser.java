package io.customerservice.http;

import io.customerservice.contract.UserRole;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller, as its verified access token describes it. Put on the routing context once by
 * {@link BearerAuthentication}; handlers read it here and never parse the token again. The raw
 * token is kept only to be forwarded to the authentication service, and never printed.
 */
record AuthenticatedUser(UUID userId, String email, String firstName, String lastName, String roleClaim, String token) {

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

  AuthenticatedUser withToken(String bearer) {
    return new AuthenticatedUser(userId, email, firstName, lastName, roleClaim, bearer);
  }

  @Override
  public String toString() {
    return "AuthenticatedUser[" + userId + ", " + roleClaim + "]";
  }

  /** The seed's read-only user object, from the token: what a customer sees about themselves. */
  JsonObject toUserJson() {
    return new JsonObject()
        .put("id", userId.toString())
        .put("email", email)
        .put("first_name", firstName)
        .put("last_name", lastName)
        .put("phone_number", null)
        .put("user_role", roleClaim);
  }
}
