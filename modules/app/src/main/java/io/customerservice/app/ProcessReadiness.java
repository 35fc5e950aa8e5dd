package io.customerservice.app;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.web.Readiness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
    List<Future<Boolean>> deciding = new ArrayList<>();
    if (roles.contains(Role.CUSTOMERS)) {
      deciding.add(ask(Addresses.CUSTOMERS_HEALTH_CHECK).transform(answer -> {
        checks.put(Role.CUSTOMERS.label(), answer.succeeded() ? CustomerMessages.STATUS_UP : "DOWN: " + detail(answer.cause()));
        return Future.succeededFuture(answer.succeeded());
      }));
    }
    if (roles.contains(Role.AUTH_PROXY)) {
      deciding.add(ask(Addresses.AUTH_PROXY_STATUS).transform(answer -> {
        checks.put(Role.AUTH_PROXY.label(), answer.succeeded()
            ? "breaker " + answer.result().getString(AuthMessages.BREAKER) : "unknown: " + detail(answer.cause()));
        return Future.succeededFuture(true);
      }));
    }
    return Future.all(deciding).map(all -> new Report(deciding.stream().allMatch(Future::result), checks));
  }

  private static String detail(Throwable error) {
    return ServiceFailure.from(error).detail();
  }

  private Future<JsonObject> ask(String address) {
    return vertx.eventBus().<JsonObject>request(address, new JsonObject(), localOnly).map(reply -> reply.body());
  }
}
