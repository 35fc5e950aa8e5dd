package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.contract.UserRole;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;

/** Lets through only callers whose role may use the route; 403 for the rest. */
final class RoleCheck implements Handler<RoutingContext> {

  static final RoleCheck CUSTOMERS = new RoleCheck(EnumSet.of(UserRole.CUSTOMER));
  static final RoleCheck STAFF = new RoleCheck(EnumSet.of(UserRole.EMPLOYEE, UserRole.ADMIN));
  static final RoleCheck ANY_ROLE = new RoleCheck(EnumSet.of(UserRole.CUSTOMER, UserRole.EMPLOYEE, UserRole.ADMIN));

  private final Set<UserRole> allowed;

  private RoleCheck(Set<UserRole> allowed) {
    this.allowed = allowed;
  }

  boolean allows(AuthenticatedUser user) {
    return user.role().filter(allowed::contains).isPresent();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (allows(AuthenticatedUser.of(ctx))) {
      ctx.next();
    } else {
      ctx.fail(HttpProblem.forbidden());
    }
  }
}
