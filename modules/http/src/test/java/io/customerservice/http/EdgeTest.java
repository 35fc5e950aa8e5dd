package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
      assertEquals("GET", wrongMethod.header("Allow"), "a 405 names what the path takes");
      Reply notPosted = server.api.call("POST", "/api/v1/customers/profile/update/").send();
      assertEquals(405, notPosted.status());
      assertEquals("PATCH, PUT", notPosted.header("Allow"));
      Reply notPut = server.api.call("PUT", "/api/v1/customers/" + UUID.randomUUID() + "/increment_service/").send();
      assertEquals(405, notPut.status());
      assertEquals("POST", notPut.header("Allow"), "a template's parameter matches the segment");
      Reply notPostedToDocs = server.api.call("POST", "/api/docs/index.html").send();
      assertEquals(405, notPostedToDocs.status());
      assertEquals("GET", notPostedToDocs.header("Allow"), "a prefix route takes every path under it");
    }
  }

  /**
   * The JDK's client, as another JVM service would use it, offers every new plain-HTTP connection
   * an upgrade to HTTP/2 (h2c); the answer must arrive whole however large it is.
   */
  @Test
  void aClientThatOffersTheH2cUpgradeGetsEveryLargeAnswerWhole() throws Exception {
    try (ApiServer server = ApiServer.start()) {
      URI schema = URI.create(server.api.base() + "/api/schema/");
      for (int i = 0; i < 100; i++) {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(schema).build(), BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().startsWith("openapi:"), "request " + i + " got the document");
      }
    }
  }

  @Test
  void everyRequestIsOneAccessEventWithItsIdLoggedOnItsEventLoop() {
    ListAppender<ILoggingEvent> written = new ListAppender<>();
    written.start();
    Logger access = (Logger) LoggerFactory.getLogger("access");
    access.addAppender(written);
    try {
      try (ApiServer server = ApiServer.start()) {
        server.api.get("/health/live").header("X-Request-Id", "early-1").send();
        server.api.get("/api/v2/nothing/").header("X-Request-Id", "early-2").send();
        for (int i = 0; i < 50; i++) {
          server.api.get("/health/live").header("X-Request-Id", "late-" + i).send();
        }
      }
      Map<String, List<ILoggingEvent>> byId;
      synchronized (written) {
        byId = written.list.stream().collect(Collectors.groupingBy(event -> event.getMDCPropertyMap().get("request_id")));
      }
      assertTrue(byId.get("early-1").get(0).getFormattedMessage().matches("GET /health/live 200 \\d+ ms"), byId.toString());
      assertTrue(byId.get("early-2").get(0).getFormattedMessage().startsWith("GET /api/v2/nothing/ 404 "), byId.toString());
      for (int i = 0; i < 50; i++) {
        assertEquals(1, byId.get("late-" + i).size(), "exactly one event for late-" + i);
      }
      assertTrue(byId.get("late-0").get(0).getThreadName().startsWith("vert.x-eventloop-thread-"));
    } finally {
      access.detachAppender(written);
    }
  }

  @Test
  void withoutTheStoreRequestsFailFastWith503AndReadinessIsDown() {
    try (ApiServer server = ApiServer.withoutStore(new JsonObject().put(Settings.EVENTBUS_REQUEST_TIMEOUT_MS, 20_000))) {
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
