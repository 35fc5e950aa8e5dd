package io.customerservice.app;

import io.customerservice.runtime.config.ConfigKeys;
import io.customerservice.runtime.config.Settings;

/** How this process joins the cluster, if it does. */
record ClusterSettings(boolean enabled, String config, String host, String publicHost, int port, String members) {

  static ClusterSettings from(Settings settings) {
    return new ClusterSettings(
        settings.bool(ConfigKeys.CLUSTER_ENABLED),
        settings.string(ConfigKeys.CLUSTER_CONFIG),
        settings.string(ConfigKeys.CLUSTER_HOST),
        settings.string(ConfigKeys.CLUSTER_PUBLIC_HOST),
        settings.port(ConfigKeys.CLUSTER_PORT, false),
        settings.string(ConfigKeys.CLUSTER_MEMBERS));
  }
}
