package io.customerservice.app;

import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.contract.config.Settings;

/** How this process's Vert.x runs: its event-loop count and transport. */
record VertxSettings(int eventLoops, boolean preferNativeTransport) {

  /**
   * 0 event loops means one per core, not Vert.x's two: nothing here blocks a loop, and on two
   * cores two loops served about a tenth more profile reads than four, and the split a sixth more
   * (fewer hand-offs between threads; bench/README.md).
   */
  static VertxSettings from(Settings settings) {
    int eventLoops = settings.integer(ConfigKeys.VERTX_EVENT_LOOPS, 0, 1024);
    return new VertxSettings(
        eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops,
        settings.bool(ConfigKeys.VERTX_PREFER_NATIVE_TRANSPORT));
  }
}
