package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the standard OTEL_* variables naming an OTLP endpoint, a request's trace crosses the HTTP
 * edge, the event bus, the auth proxy and its call to the authentication service: the caller's
 * {@code traceparent} is continued, every access line of it carries the trace id, and the spans
 * reach the collector (here a real HTTP server taking OTLP over HTTP, the foreign peer).
 */
class TracingTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @Test
  void aCallersTraceIsContinuedAcrossTheBusAndTheAuthServiceAndExported(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    List<Buffer> exported = new CopyOnWriteArrayList<>();
    HttpServer collector = Bus.await(vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          if (request.path().equals("/v1/traces")) {
            exported.add(body);
          }
          request.response().putHeader("Content-Type", "application/x-protobuf").end();
        }))
        .listen(0, "127.0.0.1"));
    int apiPort = FreePort.find();
    HttpApi api = new HttpApi(apiPort);
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, apiPort)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET);
    Path conf = Files.writeString(dir.resolve("service.json"), config.encode());
    Path log = dir.resolve("service.log");
    Map<String, String> otel = Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.actualPort(),
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
        "OTEL_BSP_SCHEDULE_DELAY", "100");
    try (ServiceProcess service = ServiceProcess.start(otel, conf, log, api)) {
      String customer = Tokens.access(UUID.randomUUID(), "customer");
      HttpApi.Reply created = api.post("/api/v1/customers/profile/create/").token(customer).header("traceparent", TRACEPARENT)
          .header("X-Request-Id", "traced-1")
          .json(new JsonObject().put("street_address", "1 Main St").put("city", "Springfield").put("state", "IL")
              .put("postal_code", "62701").put("country", "US"))
          .send();
      assertEquals(201, created.status(), created.text());

      byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
      Eventually.await(Duration.ofSeconds(20), "the collector received the trace's spans",
          () -> exported.stream().anyMatch(body -> contains(body.getBytes(), traceId)));
    } finally {
      Bus.await(vertx.close());
    }
    List<String> lines = Files.readAllLines(log);
    assertTrue(lines.stream().anyMatch(line -> line.contains(" access traced-1 " + TRACE_ID + "/") && line.contains("POST /api/v1/customers/profile/create/ 201")),
        "the edge's access line carries the caller's trace: " + String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(line -> line.contains(" " + TRACE_ID + "/") && line.contains("GET /api/auth/users/")),
        "the authentication service's access line, behind the bus and the proxy, carries the same trace");
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
