package io.customerservice.app;

import io.customerservice.web.HttpEdge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started process: the embedded PostgreSQL when its roles own data and no server is
 * configured, its Vert.x (clustered or not) and its roles, deployed in order. Closing it
 * undeploys the roles in reverse, so the HTTP servers finish their requests while the store
 * still answers them, then closes Vert.x and only then stops the database; bounded, so a stuck
 * close cannot keep the process alive.
 */
final class RunningProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunningProcess.class);
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final long CLOSE_MARGIN_MS = 15_000;

  private final AppSettings settings;
  private final Vertx vertx;
  private final List<String> deployments;
  private final EmbeddedDatabase embedded;
  private final ProcessMetrics metrics;
  private final Tracing tracing;

  private RunningProcess(AppSettings settings, Vertx vertx, List<String> deployments, EmbeddedDatabase embedded,
      ProcessMetrics metrics, Tracing tracing) {
    this.settings = settings;
    this.vertx = vertx;
    this.deployments = deployments;
    this.embedded = embedded;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /** Starts the process's roles; on a failure whatever had started is stopped again. */
  static RunningProcess start(AppSettings settings) throws Exception {
    return open(settings, true);
  }

  /** Only a Vert.x (in the cluster, when configured) for a tool that uses the roles of others. */
  static RunningProcess join(AppSettings settings) throws Exception {
    return open(settings, false);
  }

  private static RunningProcess open(AppSettings settings, boolean deploy) throws Exception {
    EmbeddedDatabase embedded = null;
    Vertx vertx = null;
    ProcessMetrics metrics = ProcessMetrics.create(deploy ? settings.management() : ManagementSettings.off());
    Tracing tracing = Tracing.configured();
    try {
      if (deploy && settings.startsEmbeddedDatabase()) {
        embedded = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedPort(),
            settings.database().database(), settings.database().user());
        settings = settings.withDatabase(embedded.connectionKeys());
      }
      vertx = Blocking.await(VertxFactory.create(settings.vertx(), settings.cluster(), metrics, tracing), START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (embedded != null && vertx.isNativeTransportEnabled()) {
        // The embedded server runs on this machine: its Unix socket costs less than loopback TCP.
        settings = settings.withDatabase(embedded.socketKeys());
      }
      List<String> deployments = deploy ? Blocking.await(deployAll(vertx, settings, metrics), START_TIMEOUT_SECONDS, TimeUnit.SECONDS) : List.of();
      return new RunningProcess(settings, vertx, deployments, embedded, metrics, tracing);
    } catch (Exception e) {
      new RunningProcess(settings, vertx, List.of(), embedded, metrics, tracing).stop(false);
      throw e;
    }
  }

  /** The roles, then the management port, so that it listens once there is something to report on. */
  private static Future<List<String>> deployAll(Vertx vertx, AppSettings settings, ProcessMetrics metrics) {
    return Launcher.deploy(vertx, settings).compose(ids -> vertx.deployVerticle(
        new ManagementVerticle(settings.management(), settings.roles(), metrics.registry())).map(id -> {
          List<String> all = new ArrayList<>(ids);
          all.add(id);
          return all;
        }));
  }

  AppSettings settings() {
    return settings;
  }

  Vertx vertx() {
    return vertx;
  }

  /** The database this process uses, for the start-up line. */
  String database() {
    if (embedded != null) {
      return embedded.describe();
    }
    return settings.roles().stream().anyMatch(Role::usesDatabase) ? settings.database().describe() : "none (no role here owns data)";
  }

  /**
   * Readiness turns 503 at once; a process that serves HTTP goes on serving for the drain period,
   * long enough for a load balancer's probes to see it and stop sending, before any listener closes.
   */
  private void announceStopping() {
    HttpEdge.announceStopping(vertx);
    if (settings.listening().isEmpty() || settings.drainMs() == 0) {
      return;
    }
    LOG.info("customer-service stopping: /health/ready answers 503, requests still served for {} ms", settings.drainMs());
    try {
      Thread.sleep(settings.drainMs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(true);
  }

  /** Stops everything that started; a process that was serving first drains ({@code drain}), one that failed to start does not. */
  private void stop(boolean drain) {
    long graceMs = settings.graceMs();
    if (vertx != null) {
      if (drain) {
        announceStopping();
      }
      LOG.info("customer-service stopping: draining in-flight requests (up to {} ms)", graceMs);
      Future<Void> undeployed = Future.succeededFuture();
      for (int i = deployments.size() - 1; i >= 0; i--) {
        String id = deployments.get(i);
        undeployed = undeployed.compose(v -> vertx.undeploy(id));
      }
      try {
        undeployed.eventually(vertx::close)
            .toCompletionStage().toCompletableFuture().get(graceMs + CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
        LOG.info("Verticles stopped, pool closed");
      } catch (Exception e) {
        LOG.warn("Vert.x did not close within {} ms: {}", graceMs + CLOSE_MARGIN_MS, e.toString());
      }
    }
    metrics.close();
    tracing.close();
    if (embedded != null) {
      try {
        embedded.close();
      } catch (Exception e) {
        LOG.warn("The embedded database did not stop cleanly: {}", e.toString());
      }
    }
    LOG.info("customer-service stopped");
  }
}
