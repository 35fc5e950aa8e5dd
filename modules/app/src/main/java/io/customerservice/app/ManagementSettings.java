package io.customerservice.app;

import io.customerservice.runtime.config.Settings;

/** The operators' port every process opens, and whether the process keeps metrics. */
record ManagementSettings(String host, int port, boolean metricsEnabled, int requestTimeoutMs, int readyTimeoutMs) {

  /** Keep Micrometer metrics (served at /metrics); false: /metrics answers 404 and nothing is counted. */
  public static final String METRICS_ENABLED = "metrics.enabled";

  /** No port and no metrics: for a tool that only joins the cluster. */
  static ManagementSettings off() {
    return new ManagementSettings("", 0, false, 0, 0);
  }

  static ManagementSettings from(Settings settings) {
    return new ManagementSettings(
        settings.string(Settings.MANAGEMENT_HOST),
        settings.port(Settings.MANAGEMENT_PORT, true),
        settings.bool(METRICS_ENABLED),
        settings.httpRequestTimeoutMs(),
        settings.readyTimeoutMs());
  }
}
