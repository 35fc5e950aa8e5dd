package io.customerservice.app;

import io.customerservice.runtime.config.Settings;

/** How this process's Vert.x runs: its event-loop count and transport. */
record VertxSettings(int eventLoops, boolean preferNativeTransport) {

  /** Event-loop threads of the process; 0: one per core. */
  public static final String VERTX_EVENT_LOOPS = "vertx.event-loops";
  /** Use Linux epoll rather than Java NIO when the native library loads (it falls back to NIO). */
  public static final String VERTX_PREFER_NATIVE_TRANSPORT = "vertx.prefer-native-transport";

  /**
   * 0 event loops means one per core, not Vert.x's two: nothing here blocks a loop, and more
   * loops than cores only add hand-offs between threads (measured in bench/README.md).
   */
  static VertxSettings from(Settings settings) {
    int eventLoops = settings.integer(VERTX_EVENT_LOOPS, 0, 1024);
    return new VertxSettings(
        eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops,
        settings.bool(VERTX_PREFER_NATIVE_TRANSPORT));
  }
}
