package io.customerservice.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the roles a process runs, one after the other in {@link Role} order, each with its
 * configured instance count and the whole configuration as its deployment config.
 */
final class Launcher {

  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  private Launcher() {
  }

  static Future<List<String>> deploy(Vertx vertx, AppSettings settings) {
    Future<List<String>> chain = Future.succeededFuture(new ArrayList<>());
    for (Role role : Role.values()) {
      if (settings.roles().contains(role)) {
        int instances = settings.instances().get(role);
        DeploymentOptions options = new DeploymentOptions().setConfig(settings.config()).setInstances(instances);
        chain = chain.compose(ids -> vertx.deployVerticle(role.verticle(), options).map(id -> {
          LOG.info("Role {} deployed ({} instance(s))", role.label(), instances);
          ids.add(id);
          return ids;
        }));
      }
    }
    return chain;
  }
}
