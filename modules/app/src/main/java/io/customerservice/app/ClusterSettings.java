package io.customerservice.app;

import io.customerservice.runtime.config.Settings;

/** How this process joins the cluster, if it does. */
public record ClusterSettings(boolean enabled, String config, String host, String publicHost, int port, String members) {

  /** Join a Hazelcast cluster, so the event bus spans processes. */
  public static final String CLUSTER_ENABLED = "cluster.enabled";
  /** The Hazelcast XML (on disk, else inside the jar). */
  public static final String CLUSTER_CONFIG = "cluster.config";
  /** The address this process binds for Hazelcast and the event bus. */
  public static final String CLUSTER_HOST = "cluster.host";
  /** The address other members reach this one at (containers, NAT); empty: cluster.host. */
  public static final String CLUSTER_PUBLIC_HOST = "cluster.public-host";
  public static final String CLUSTER_PORT = "cluster.port";
  /** Comma-separated TCP-IP members, host or host:port; a host alone is probed on cluster.port and the 19 ports after it. */
  public static final String CLUSTER_MEMBERS = "cluster.members";

  static ClusterSettings from(Settings settings) {
    return new ClusterSettings(
        settings.bool(CLUSTER_ENABLED),
        settings.string(CLUSTER_CONFIG),
        settings.string(CLUSTER_HOST),
        settings.string(CLUSTER_PUBLIC_HOST),
        settings.port(CLUSTER_PORT, false),
        settings.string(CLUSTER_MEMBERS));
  }
}
