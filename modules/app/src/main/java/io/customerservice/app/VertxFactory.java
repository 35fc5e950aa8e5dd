package io.customerservice.app;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.XmlConfigBuilder;
import io.customerservice.runtime.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's Vert.x: standalone, or clustered over Hazelcast so the event bus spans
 * processes. The Hazelcast XML is read from {@code cluster.config} (on disk, else the jar's copy)
 * with the {@code ${cs.cluster.*}} values filled from the configuration; a file that cannot be
 * read stops start-up rather than falling back to Hazelcast's defaults (multicast).
 */
final class VertxFactory {

  private static final Logger LOG = LoggerFactory.getLogger(VertxFactory.class);
  private static final String ANY_ADDRESS = "0.0.0.0";

  private VertxFactory() {
  }

  static Future<Vertx> create(VertxSettings settings, ClusterSettings cluster, ProcessMetrics metrics, Tracing tracing) {
    VertxOptions options = tracing.instrument(new VertxOptions()
        .setEventLoopPoolSize(settings.eventLoops())
        .setPreferNativeTransport(settings.preferNativeTransport()));
    if (!cluster.enabled()) {
      return Future.succeededFuture(logTransport(tracing.instrument(metrics.builder(options)).build(), settings));
    }
    Config hazelcast = hazelcast(cluster);
    if (cluster.host().equals(ANY_ADDRESS)) {
      // In a container the interface is not known ahead: bind them all, advertise the public host.
      hazelcast.getNetworkConfig().getInterfaces().setEnabled(false);
    }
    if (!cluster.publicHost().isEmpty()) {
      hazelcast.getNetworkConfig().setPublicAddress(cluster.publicHost());
    }
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast);
    EventBusOptions eventBus = new EventBusOptions().setHost(cluster.host()).setPort(0);
    if (!cluster.publicHost().isEmpty()) {
      eventBus.setClusterPublicHost(cluster.publicHost());
    }
    return tracing.instrument(metrics.builder(options.setEventBusOptions(eventBus)))
        .withClusterManager(manager)
        .buildClustered()
        .map(vertx -> logTransport(vertx, settings))
        .onSuccess(vertx -> {
          LOG.info("Joined the cluster as {} with {} member(s)", manager.getNodeId(),
              manager.getHazelcastInstance().getCluster().getMembers().size());
          manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipLog());
        });
  }

  private static Vertx logTransport(Vertx vertx, VertxSettings settings) {
    if (vertx.isNativeTransportEnabled()) {
      LOG.info("Using the native (epoll) transport");
    } else if (settings.preferNativeTransport()) {
      LOG.info("Using Java NIO: the native transport is not available ({})", String.valueOf(vertx.unavailableNativeTransportCause()));
    }
    return vertx;
  }

  private static Config hazelcast(ClusterSettings cluster) {
    Properties values = new Properties();
    values.setProperty("cs.cluster.members", cluster.members());
    values.setProperty("cs.cluster.port", Integer.toString(cluster.port()));
    values.setProperty("cs.cluster.interface", cluster.host());
    try (InputStream xml = open(cluster.config())) {
      return new XmlConfigBuilder(xml).setProperties(values).build();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(ClusterSettings.CLUSTER_CONFIG, "cannot read Hazelcast configuration " + cluster.config() + ": " + e.getMessage());
    }
  }

  private static InputStream open(String location) throws IOException {
    Path file = Path.of(location);
    if (Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    InputStream packed = VertxFactory.class.getClassLoader().getResourceAsStream(location);
    if (packed == null) {
      throw new IOException("no such file, on disk or in the jar");
    }
    return packed;
  }

  /** One line for every member that joins or leaves. */
  private static final class MembershipLog implements MembershipListener {
    @Override
    public void memberAdded(MembershipEvent event) {
      LOG.info("Cluster member joined: {} ({} member(s))", event.getMember().getAddress(), event.getMembers().size());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      LOG.warn("Cluster member left: {} ({} member(s))", event.getMember().getAddress(), event.getMembers().size());
    }
  }
}
