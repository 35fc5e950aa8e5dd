package io.customerservice.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Registers API routes behind authentication and a role check. Paths are written as Django
 * writes them, with the trailing slash; the route drops it, and so matches both spellings.
 */
final class GuardedRoutes {

  static final String BASE = "/api/v1/customers";

  private final Router router;
  private final Handler<RoutingContext> authenticate;

  GuardedRoutes(Router router, Handler<RoutingContext> authenticate) {
    this.router = router;
    this.authenticate = authenticate;
  }

  /** A self-service route: customers only, acting on the token's own user. */
  void customer(HttpMethod method, String path, Handler<RoutingContext> handler) {
    add(method, path, RoleCheck.CUSTOMERS, handler);
  }

  /** A route for every role, which decides itself what the caller may see. */
  void anyRole(HttpMethod method, String path, Handler<RoutingContext> handler) {
    add(method, path, RoleCheck.ANY_ROLE, handler);
  }

  /** A staff route: employees and admins. */
  void staff(HttpMethod method, String path, Handler<RoutingContext> handler) {
    add(method, path, RoleCheck.STAFF, handler);
  }

  private void add(HttpMethod method, String path, RoleCheck roles, Handler<RoutingContext> handler) {
    String full = BASE + path;
    router.route(method, full.substring(0, full.length() - 1)).handler(authenticate).handler(roles).handler(handler);
  }
}
