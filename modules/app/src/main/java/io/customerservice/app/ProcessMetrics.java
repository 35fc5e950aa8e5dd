package io.customerservice.app;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The process's metrics: one Prometheus registry, fed by Vert.x (HTTP servers by route template,
 * the event bus by address, the database pool, the JVM) and by our own meters, which the modules
 * register in Micrometer's global registry (the registry joins it while the process runs). The
 * labels are bounded: route templates and addresses, never paths, ids or remote addresses.
 */
final class ProcessMetrics implements AutoCloseable {

  /**
   * Latency buckets of the HTTP and event-bus timers: a fixed few, so each series costs a dozen
   * lines, not the seventy of Micrometer's default histogram.
   */
  private static final double[] BUCKETS = java.util.stream.LongStream
      .of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
      .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
  private static final Set<String> TIMED = Set.of("vertx.http.server.response.time", "customer_service.bus.handling",
      "vertx.pool.queue.time");
  /** The scrapes of /metrics itself: they would only say that Prometheus came by. */
  private static final String SCRAPE_ROUTE = "/metrics";
  /**
   * Series kept per request or per message that say nothing the kept ones do not (sizes, and the
   * bus's sent/received/delivered beside processed and pending): not kept, so a scrape carries only
   * what an operator reads. Vert.x still looks each one up per request: a denied meter costs that
   * lookup as a kept one does (bench/README.md, round 7).
   */
  private static final Set<String> NOT_KEPT = Set.of("vertx.http.server.request.bytes", "vertx.http.server.response.bytes",
      "vertx.http.client.request.bytes", "vertx.http.client.response.bytes", "vertx.eventbus.bytes.read",
      "vertx.eventbus.bytes.written", "vertx.eventbus.sent", "vertx.eventbus.received", "vertx.eventbus.delivered",
      "vertx.eventbus.published", "vertx.net.client.bytes.read", "vertx.net.client.bytes.written");

  private final PrometheusMeterRegistry registry;

  private ProcessMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics as configured: none at all when disabled. */
  static ProcessMetrics create(ManagementSettings settings) {
    if (!settings.metricsEnabled()) {
      return new ProcessMetrics(null);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config()
        .meterFilter(MeterFilter.deny(id -> id.getName().startsWith("vertx.http.server.") && SCRAPE_ROUTE.equals(id.getTag("route"))))
        .meterFilter(MeterFilter.deny(id -> NOT_KEPT.contains(id.getName())))
        .meterFilter(new LatencyBuckets());
    Metrics.addRegistry(registry);
    return new ProcessMetrics(registry);
  }

  /** The registry /metrics serves; null when metrics are off. */
  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A Vert.x with {@code options} that reports to this registry. */
  VertxBuilder builder(VertxOptions options) {
    if (registry == null) {
      return Vertx.builder().with(options);
    }
    return Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry)).with(options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE,
            Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME, Label.NAMESPACE))));
  }

  @Override
  public void close() {
    if (registry != null) {
      Metrics.removeRegistry(registry);
      registry.close();
    }
  }

  private static final class LatencyBuckets implements MeterFilter {
    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
      return TIMED.contains(id.getName())
          ? DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config)
          : config;
    }
  }
}
