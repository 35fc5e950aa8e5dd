package io.customerservice.app;

import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.Settings;

/** How this process's Vert.x runs: its event-loop count (0: Vert.x's two per core) and transport. */
record VertxSettings(int eventLoops, boolean preferNativeTransport) {

  static VertxSettings from(Settings settings) {
    return new VertxSettings(
        settings.integer(ConfigKeys.VERTX_EVENT_LOOPS, 0, 1024),
        settings.bool(ConfigKeys.VERTX_PREFER_NATIVE_TRANSPORT));
  }
}
