package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every JsonObject of the process is read and written by the streaming codec, with the same bytes as before. */
class StreamingJsonFactoryTest {

  @Test
  void theStreamingCodecIsTheOneInUse() {
    assertEquals(JacksonCodec.class, Json.CODEC.getClass(), "not the databind codec that Flyway's jackson-databind would bring");
  }

  @Test
  void documentsRoundTripWithTheirTypesAndOrder() {
    JsonObject document = new JsonObject()
        .put("id", "6f1c2a9e-0000-4000-8000-000000000001")
        .put("count", 3)
        .put("big", 12345678901L)
        .put("ratio", 0.25)
        .put("ok", true)
        .put("none", null)
        .put("text", "Zoë \"quoted\" \u2028 line")
        .put("nested", new JsonObject().put("list", new JsonArray().add(1).add("two")));

    String encoded = document.encode();
    assertEquals("{\"id\":\"6f1c2a9e-0000-4000-8000-000000000001\",\"count\":3,\"big\":12345678901,\"ratio\":0.25,\"ok\":true,"
        + "\"none\":null,\"text\":\"Zoë \\\"quoted\\\" \u2028 line\",\"nested\":{\"list\":[1,\"two\"]}}", encoded);
    JsonObject decoded = new JsonObject(Buffer.buffer(encoded));
    assertEquals(document, decoded);
    assertEquals(Integer.class, decoded.getValue("count").getClass());
    assertEquals(Long.class, decoded.getValue("big").getClass());
    assertEquals(Double.class, decoded.getValue("ratio").getClass());
    assertEquals(BigInteger.class, new JsonObject("{\"n\": 123456789012345678901234567890}").getValue("n").getClass());
  }

  @Test
  void instantsAreWrittenAsIsoText() {
    assertEquals("{\"at\":\"2026-11-24T10:00:00Z\"}", new JsonObject().put("at", Instant.parse("2026-11-24T10:00:00Z")).encode());
  }

  @Test
  void malformedTextIsADecodeException() {
    assertThrows(DecodeException.class, () -> new JsonObject("{\"a\": }"));
    assertThrows(DecodeException.class, () -> new JsonObject("{\"a\": 1} trailing"));
  }
}
