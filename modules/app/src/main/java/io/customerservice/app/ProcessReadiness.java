package io.customerservice.app;

import io.customerservice.web.BackendChecks;
import io.customerservice.web.Readiness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A process's readiness on its management port: its roles are deployed (this is asked only once
 * they are) and those with a health address answer it in this process, not elsewhere in the
 * cluster: the customer store reaches its database; the auth proxy reports its breaker (without
 * deciding, as on the API's port: the API serves without the authentication service).
 */
final class ProcessReadiness implements Readiness {

  private final Vertx vertx;
  private final Set<Role> roles;
  private final DeliveryOptions localOnly;

  ProcessReadiness(Vertx vertx, Set<Role> roles, long timeoutMs) {
    this.vertx = vertx;
    this.roles = roles;
    this.localOnly = new DeliveryOptions().setLocalOnly(true).setSendTimeout(timeoutMs);
  }

  @Override
  public Future<Report> check() {
    JsonObject checks = new JsonObject();
    roles.forEach(role -> checks.put(role.label(), "deployed"));
    Future<String> customers = roles.contains(Role.CUSTOMERS) ? BackendChecks.customers(this::ask) : Future.succeededFuture();
    Future<String> authProxy = roles.contains(Role.AUTH_PROXY) ? BackendChecks.authProxy(this::ask) : Future.succeededFuture();
    return Future.all(customers, authProxy).map(done -> {
      if (customers.result() != null) {
        checks.put(Role.CUSTOMERS.label(), customers.result());
      }
      if (authProxy.result() != null) {
        checks.put(Role.AUTH_PROXY.label(), authProxy.result());
      }
      return new Report(customers.result() == null || customers.result().equals(BackendChecks.UP), checks);
    });
  }

  private Future<JsonObject> ask(String address) {
    return vertx.eventBus().<JsonObject>request(address, new JsonObject(), localOnly).map(Message::body);
  }
}
