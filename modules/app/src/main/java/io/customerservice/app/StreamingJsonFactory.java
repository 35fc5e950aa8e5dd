package io.customerservice.app;

import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Vert.x's JSON codec on jackson-core's streaming reader and writer, for every JsonObject and
 * JsonArray of the process. Registered in this module's META-INF/services only: the launcher
 * decides the process's codec, and a foreign JVM that uses our contract jar keeps its own. Vert.x would otherwise pick its
 * databind codec, because Flyway brings jackson-databind along; that one looks up a serializer
 * per value, a cost the hot path measured (bench/README.md). Our documents hold only JSON's own types
 * (and Instant, which this codec writes the same way), so the bytes are the same.
 */
public final class StreamingJsonFactory implements JsonFactory {

  private static final JacksonCodec CODEC = new JacksonCodec();

  @Override
  public int order() {
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}
