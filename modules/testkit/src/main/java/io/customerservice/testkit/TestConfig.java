package io.customerservice.testkit;

import io.customerservice.runtime.config.Settings;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's real defaults ({@code conf/application.json}), found from any module's directory. */
public final class TestConfig {

  private static final Path RELATIVE = Path.of("conf", "application.json");

  private TestConfig() {
  }

  /**
   * The defaults with {@code overrides} merged in, as a verticle's deployment config; the
   * management port is any free one on loopback, unless {@code overrides} says otherwise.
   */
  public static JsonObject withDefaults(JsonObject overrides) {
    return defaults().put(Settings.MANAGEMENT_HOST, "127.0.0.1").put(Settings.MANAGEMENT_PORT, 0).mergeIn(overrides);
  }

  public static JsonObject defaults() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve(RELATIVE))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("conf/application.json not found above " + Path.of("").toAbsolutePath());
    }
    try {
      return new JsonObject(Files.readString(dir.resolve(RELATIVE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
