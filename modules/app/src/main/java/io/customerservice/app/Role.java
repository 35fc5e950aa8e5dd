package io.customerservice.app;

import io.customerservice.contract.config.ConfigException;
import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.auth.AuthServiceVerticle;
import io.customerservice.authproxy.AuthProxyVerticle;
import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.history.ServiceHistoryVerticle;
import io.customerservice.http.HttpVerticle;
import io.vertx.core.Deployable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parts a process can run, in the order they deploy: owners of data first, so that what
 * calls them finds them answering.
 */
enum Role {
  CUSTOMERS("customers", ConfigKeys.CUSTOMERS_INSTANCES, CustomerStoreVerticle::new),
  HISTORY("history", ConfigKeys.HISTORY_INSTANCES, ServiceHistoryVerticle::new),
  AUTH("auth", ConfigKeys.AUTH_INSTANCES, AuthServiceVerticle::new),
  AUTH_PROXY("auth-proxy", ConfigKeys.AUTH_PROXY_INSTANCES, AuthProxyVerticle::new),
  HTTP("http", ConfigKeys.HTTP_INSTANCES, HttpVerticle::new);

  static final String ALL = "all";

  private final String label;
  private final String instancesKey;
  private final Supplier<Deployable> verticle;

  Role(String label, String instancesKey, Supplier<Deployable> verticle) {
    this.label = label;
    this.instancesKey = instancesKey;
    this.verticle = verticle;
  }

  String label() {
    return label;
  }

  String instancesKey() {
    return instancesKey;
  }

  Supplier<Deployable> verticle() {
    return verticle;
  }

  /** Parses {@code roles}: "all" or a comma-separated list of labels. */
  static Set<Role> parse(String value) {
    if (value.isBlank() || value.strip().equals(ALL)) {
      return EnumSet.allOf(Role.class);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String label : value.split(",")) {
      String wanted = label.strip();
      roles.add(Arrays.stream(values()).filter(r -> r.label.equals(wanted)).findFirst()
          .orElseThrow(() -> new ConfigException(ConfigKeys.ROLES,
              "unknown role '" + wanted + "'; known roles: " + ALL + ", " + String.join(", ", labels()))));
    }
    return roles;
  }

  static java.util.List<String> labels() {
    return Arrays.stream(values()).map(Role::label).toList();
  }
}
