package io.customerservice.app;

import io.customerservice.auth.AuthServiceVerticle;
import io.customerservice.authproxy.AuthProxyVerticle;
import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.customers.history.ServiceHistoryVerticle;
import io.customerservice.http.HttpVerticle;
import io.customerservice.runtime.config.ConfigException;
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
  CUSTOMERS("customers", true, CustomerStoreVerticle::new),
  HISTORY("history", true, ServiceHistoryVerticle::new),
  AUTH("auth", true, AuthServiceVerticle::new),
  AUTH_PROXY("auth-proxy", false, AuthProxyVerticle::new),
  HTTP("http", false, HttpVerticle::new);

  static final String ALL = "all";

  private final String label;
  private final boolean usesDatabase;
  private final Supplier<Deployable> verticle;

  Role(String label, boolean usesDatabase, Supplier<Deployable> verticle) {
    this.label = label;
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

  /** The key of how many verticle instances of the role a process runs: {@code <label>.instances}. */
  String instancesKey() {
    return label + ".instances";
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
      roles.add(named(label, AppSettings.ROLES));
    }
    return roles;
  }

  static java.util.List<String> labels() {
    return Arrays.stream(values()).map(Role::label).toList();
  }
}
