package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.RawHttp;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a browser frontend on another origin needs: CORS for the configured origins only, and compressed list pages. */
class BrowserHygieneTest {

  private static final String FRONTEND = "https://app.example.com";
  private static final String STAFF = Tokens.access(UUID.randomUUID(), "employee");
  private static ApiServer server;

  @BeforeAll
  static void start() {
    server = ApiServer.start(new JsonObject().put(Settings.HTTP_CORS_ALLOWED_ORIGINS, FRONTEND + ", http://localhost:3000"));
    for (int i = 0; i < 30; i++) {
      server.api.post(Profiles.BASE + "profile/create/").token(Tokens.access(UUID.randomUUID(), "customer")).json(Profiles.portland()).send();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aConfiguredOriginsPreflightAndRequestAreAllowedAndOthersAreNot() {
    Reply preflight = server.api.call("OPTIONS", Profiles.BASE + "profile/update/").header("Origin", FRONTEND)
        .header("Access-Control-Request-Method", "PATCH").header("Access-Control-Request-Headers", "authorization,content-type,if-match").send();
    assertTrue(preflight.status() == 200 || preflight.status() == 204, preflight::toString);
    assertEquals(FRONTEND, preflight.header("Access-Control-Allow-Origin"));
    assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PATCH"), preflight.headers()::toString);
    assertTrue(preflight.header("Access-Control-Allow-Headers").toLowerCase(java.util.Locale.ROOT).contains("if-match"));

    Reply read = server.api.get(Profiles.BASE + "?page_size=1").token(STAFF).header("Origin", FRONTEND).send();
    assertEquals(200, read.status());
    assertEquals(FRONTEND, read.header("Access-Control-Allow-Origin"));
    for (String readable : List.of("ETag", "Location", "X-Request-Id", "Idempotent-Replayed")) {
      assertTrue(read.header("Access-Control-Expose-Headers").contains(readable), () -> readable + ": " + read.headers());
    }

    Reply stranger = server.api.get(Profiles.BASE + "?page_size=1").token(STAFF).header("Origin", "https://evil.example").send();
    assertNull(stranger.header("Access-Control-Allow-Origin"), "no CORS grant for an origin not configured: " + stranger.headers());
    assertEquals(403, stranger.status(), stranger::toString);
    assertTrue(stranger.json().containsKey("detail"), "refused in the usual shape: " + stranger);
  }

  /** Over HTTP/1.1, as a browser speaks to a plain-text port (Vert.x's HTTP/2 compresses whatever the size). */
  @Test
  void largeAnswersAreCompressedWhenTheClientAcceptsItAndSmallOnesAreNot() {
    RawHttp raw = new RawHttp(Integer.parseInt(server.api.base().substring(server.api.base().lastIndexOf(':') + 1)), Duration.ofSeconds(15));
    List<String> accepting = List.of("Host: localhost", "Authorization: Bearer " + STAFF, "Accept-Encoding: gzip");
    String page = raw.exchange("GET " + Profiles.BASE + "?page_size=30 HTTP/1.1", accepting, new byte[0]).head().toLowerCase(Locale.ROOT);
    assertTrue(page.contains("content-encoding: gzip"), page);
    String plain = raw.exchange("GET " + Profiles.BASE + "?page_size=30 HTTP/1.1", accepting.subList(0, 2), new byte[0]).head().toLowerCase(Locale.ROOT);
    assertFalse(plain.contains("content-encoding"), "nothing asked, nothing compressed: " + plain);
    String small = raw.exchange("GET /health/live HTTP/1.1", accepting, new byte[0]).head().toLowerCase(Locale.ROOT);
    assertFalse(small.contains("content-encoding"), "a small answer is sent as it is: " + small);
  }
}
