package io.customerservice.app;

import io.customerservice.web.HttpEdge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' port of a process, whatever its roles: {@code /health/live},
 * {@code /health/ready} (see {@link ProcessReadiness}) and {@code /metrics} in Prometheus' text
 * format.
 */
final class ManagementVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ManagementVerticle.class);

  private final ManagementSettings settings;
  private final Set<Role> roles;
  private final PrometheusMeterRegistry registry;
  private HttpEdge edge;

  /** {@code registry}: null when metrics are off. */
  ManagementVerticle(ManagementSettings settings, Set<Role> roles, PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.roles = roles;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    edge = HttpEdge.management(vertx, settings.requestTimeoutMs());
    edge.mountHealth(new ProcessReadiness(vertx, roles, settings.readyTimeoutMs()), settings.readyTimeoutMs());
    if (registry != null) {
      edge.router().get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    }
    return edge.listen(settings.host(), settings.port()).onSuccess(server ->
        LOG.info("Management port http://{}:{}: /health/live, /health/ready{}", settings.host(), server.actualPort(),
            registry == null ? " (metrics off)" : ", /metrics"));
  }

  @Override
  public Future<?> stop() {
    return edge.shutdown(0);
  }
}
