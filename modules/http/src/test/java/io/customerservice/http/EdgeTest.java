package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.config.ConfigKeys;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Health, request ids and access lines, unknown paths and methods, and what happens when the store is missing. */
class EdgeTest {

  @Test
  void healthRequestIdsAndDjangoStyleRoutingErrors() {
    try (ApiServer server = ApiServer.start()) {
      assertEquals(new JsonObject().put("status", "UP"), server.api.get("/health/live").send().json());
      Reply ready = server.api.get("/health/ready").send();
      assertEquals(200, ready.status());
      assertEquals("UP", ready.json().getJsonObject("checks").getString("customers"));

      Reply given = server.api.get("/health/live").header("X-Request-Id", "abc-123").send();
      assertEquals("abc-123", given.header("X-Request-Id"));
      Reply generated = server.api.get("/health/live").header("X-Request-Id", "bad id\twith spaces").send();
      assertDoesNotThrow(() -> UUID.fromString(generated.header("X-Request-Id")));

      Reply unknown = server.api.get("/api/v2/nothing/").send();
      assertEquals(404, unknown.status());
      assertEquals("Not found.", unknown.json().getString("detail"));
      assertNotNull(unknown.header("X-Request-Id"));

      Reply wrongMethod = server.api.delete("/api/v1/customers/").send();
      assertEquals(405, wrongMethod.status());
      assertEquals("Method \"DELETE\" not allowed.", wrongMethod.json().getString("detail"));
    }
  }

  @Test
  void everyRequestGetsOneAccessLineWithItsIdEvenWhenTheServerStopsRightAfter() throws InterruptedException {
    ListAppender<ILoggingEvent> written = new ListAppender<>();
    written.start();
    Logger access = (Logger) LoggerFactory.getLogger("access");
    access.addAppender(written);
    try {
      try (ApiServer server = ApiServer.start()) {
        server.api.get("/health/live").header("X-Request-Id", "early-1").send();
        server.api.get("/api/v2/nothing/").header("X-Request-Id", "early-2").send();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!logged(written).contains("early-2") && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertTrue(logged(written).contains("early-2"), "lines are written soon after their requests, without more traffic");
        for (int i = 0; i < 50; i++) {
          server.api.get("/health/live").header("X-Request-Id", "late-" + i).send();
        }
      }
      String log = logged(written);
      assertTrue(log.contains(" INFO  [vert.x-eventloop-thread-"), log);
      assertTrue(log.contains("] access early-1 - GET /health/live 200 "), log);
      assertTrue(log.contains("] access early-2 - GET /api/v2/nothing/ 404 "), log);
      for (int i = 0; i < 50; i++) {
        String line = "] access late-" + i + " - GET /health/live 200 ";
        assertEquals(1, log.split(Pattern.quote(line), -1).length - 1, "exactly one line for late-" + i);
      }
      assertTrue(log.endsWith(" ms\n"), "every line is whole");
    } finally {
      access.detachAppender(written);
    }
  }

  private static String logged(ListAppender<ILoggingEvent> written) {
    synchronized (written) {
      return written.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining());
    }
  }

  @Test
  void withoutTheStoreRequestsFailFastWith503AndReadinessIsDown() {
    try (ApiServer server = ApiServer.withoutStore(new JsonObject().put(ConfigKeys.EVENTBUS_REQUEST_TIMEOUT_MS, 20_000))) {
      long started = System.nanoTime();
      Reply reply = server.api.get("/api/v1/customers/profile/").token(Tokens.access(UUID.randomUUID(), "customer")).send();
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, reply.status(), reply.toString());
      assertNotNull(reply.json().getString("detail"));
      assertTrue(tookMs < 5_000, "no handler is reported at once, not after the timeout (" + tookMs + " ms)");

      Reply ready = server.api.get("/health/ready").send();
      assertEquals(503, ready.status());
      assertEquals("DOWN", ready.json().getString("status"));
      assertEquals(200, server.api.get("/health/live").send().status());
    }
  }
}
