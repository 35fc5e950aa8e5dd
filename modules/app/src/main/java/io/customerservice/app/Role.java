package io.customerservice.app;

import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.ConfigKeys;
import io.customerservice.auth.AuthServiceVerticle;
import io.customerservice.authproxy.AuthProxyVerticle;
import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.customers.history.ServiceHistoryVerticle;
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
  CUSTOMERS("customers", ConfigKeys.CUSTOMERS_INSTANCES, true, CustomerStoreVerticle::new),
  HISTORY("history", ConfigKeys.HISTORY_INSTANCES, true, ServiceHistoryVerticle::new),
  AUTH("auth", ConfigKeys.AUTH_INSTANCES, true, AuthServiceVerticle::new),
  AUTH_PROXY("auth-proxy", ConfigKeys.AUTH_PROXY_INSTANCES, false, AuthProxyVerticle::new),
  HTTP("http", ConfigKeys.HTTP_INSTANCES, false, HttpVerticle::new);

  static final String ALL = "all";

  private final String label;
  private final String instancesKey;
  private final boolean usesDatabase;
  private final Supplier<Deployable> verticle;

  Role(String label, String instancesKey, boolean usesDatabase, Supplier<Deployable> verticle) {
    this.label = label;
    this.instancesKey = instancesKey;
    this.usesDatabase = usesDatabase;
    this.verticle = verticle;
  }

  /** Whether the role owns data in PostgreSQL (a process without such a role opens no pool). */
  boolean usesDatabase() {
    return usesDatabase;
  }

  /** The role a label names; a ConfigException naming {@code key} otherwise. */
  static Role named(String label, String key) {
    return Arrays.stream(values()).filter(r -> r.label.equals(label.strip())).findFirst()
        .orElseThrow(() -> new ConfigException(key, "unknown role '" + label.strip() + "'; known roles: " + String.join(", ", labels())));
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
      roles.add(named(label, ConfigKeys.ROLES));
    }
    return roles;
  }

  static java.util.List<String> labels() {
    return Arrays.stream(values()).map(Role::label).toList();
  }
}
