package io.customerservice.app;

import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.Settings;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads the configuration with vertx-config from explicit stores, later ones winning: the
 * defaults packed into the jar, the working directory's {@code conf/application.json} if there
 * is one (a copy from an older release lacks newer keys, which keep the jar's defaults), the file
 * given with {@code --conf}, the environment ({@code HTTP_PORT} for {@code http.port}) and the
 * system properties ({@code -Dhttp.port=}). Only keys the defaults know are taken: a typo in a
 * file is an error, not a silently ignored setting.
 */
final class ConfigLoader {

  static final String DEFAULTS = "conf/application.json";
  private static final long LOAD_TIMEOUT_SECONDS = 30;

  private ConfigLoader() {
  }

  /** For the launcher and the command-line tools: the configuration, read with a Vert.x of its own, blocking. */
  static JsonObject loadNow(Path overrides) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      return loadNow(vertx, overrides);
    } finally {
      vertx.close();
    }
  }

  /** The same, with the caller's Vert.x. */
  static JsonObject loadNow(Vertx vertx, Path overrides) throws Exception {
    return Blocking.await(load(vertx, overrides, System.getenv()), LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  static Future<JsonObject> load(Vertx vertx, Path overrides, Map<String, String> environment) {
    return load(vertx, Path.of(DEFAULTS), overrides, environment);
  }

  /** With the working copy of the defaults at {@code workingCopy}. */
  static Future<JsonObject> load(Vertx vertx, Path workingCopy, Path overrides, Map<String, String> environment) {
    Future<JsonObject> packed = vertx.executeBlocking(ConfigLoader::packedDefaults);
    Future<Boolean> copied = vertx.executeBlocking(() -> Files.isRegularFile(workingCopy));
    return Future.all(packed, copied).compose(found -> {
      JsonObject defaults = packed.result();
      ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false)
          .addStore(new ConfigStoreOptions().setType("json").setConfig(defaults));
      if (copied.result()) {
        options.addStore(fileStore(workingCopy.toString()));
      }
      if (overrides != null) {
        options.addStore(fileStore(overrides.toString()));
      }
      options.addStore(new ConfigStoreOptions().setType("json").setConfig(fromEnvironment(defaults.fieldNames(), environment)));
      options.addStore(new ConfigStoreOptions().setType("sys").setConfig(new JsonObject().put("cache", false)));
      Future<JsonObject> all = retrieve(vertx, options);
      Future<JsonObject> file = overrides == null ? Future.succeededFuture(new JsonObject()) : retrieve(vertx, fileStore(overrides.toString()));
      return Future.all(all, file).map(done -> knownKeysOnly(defaults.fieldNames(), all.result(), file.result()));
    });
  }

  private static JsonObject packedDefaults() throws IOException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/" + DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is not on the class path: the build packs it into the jar");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static JsonObject fromEnvironment(Set<String> keys, Map<String, String> environment) {
    JsonObject json = new JsonObject();
    for (String key : keys) {
      String value = environment.get(Settings.environmentName(key));
      if (value != null) {
        json.put(key, value);
      }
    }
    return json;
  }

  private static JsonObject knownKeysOnly(Set<String> keys, JsonObject merged, JsonObject overridesFile) {
    for (String key : overridesFile.fieldNames()) {
      if (!keys.contains(key)) {
        throw new ConfigException(key, "is not a known key (see conf/application.json for every key)");
      }
    }
    JsonObject config = new JsonObject();
    keys.forEach(key -> config.put(key, merged.getValue(key)));
    return config;
  }

  private static ConfigStoreOptions fileStore(String path) {
    return new ConfigStoreOptions().setType("file").setFormat("json").setConfig(new JsonObject().put("path", path));
  }

  private static Future<JsonObject> retrieve(Vertx vertx, ConfigStoreOptions store) {
    return retrieve(vertx, new ConfigRetrieverOptions().setIncludeDefaultStores(false).addStore(store));
  }

  private static Future<JsonObject> retrieve(Vertx vertx, ConfigRetrieverOptions options) {
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig().andThen(done -> retriever.close());
  }
}
