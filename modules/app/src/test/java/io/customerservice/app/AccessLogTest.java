package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log is one logging event per request: with the jar's own configuration each is a line
 * in the common pattern, and with logback's JSON encoder in the same appender each request is one
 * JSON object carrying its request id, so a structured log pipeline can take it as it is.
 */
class AccessLogTest {

  @Test
  void eachRequestIsOneEventThatAJsonEncoderWritesAsOneObject(@TempDir Path dir) throws Exception {
    Path logback = Files.writeString(dir.resolve("logback-json.xml"), """
        <configuration>
          <appender name="ACCESS" class="io.customerservice.app.BatchingConsoleAppender">
            <encoder class="ch.qos.logback.classic.encoder.JsonEncoder"><withFormattedMessage>true</withFormattedMessage></encoder>
          </appender>
          <logger name="access" level="INFO" additivity="false"><appender-ref ref="ACCESS"/></logger>
          <root level="WARN"><appender-ref ref="ACCESS"/></root>
        </configuration>
        """);
    Path log = dir.resolve("service.log");
    ServiceProcess service = start(dir, List.of("-Dlogback.configurationFile=" + logback), log);
    try {
      for (int i = 1; i <= 3; i++) {
        assertEquals(200, api.get("/health/live").header("X-Request-Id", "json-" + i).send().status());
      }
    } finally {
      service.close();
    }
    List<JsonObject> events = Files.readAllLines(log).stream().filter(line -> line.startsWith("{"))
        .map(JsonObject::new).filter(event -> "access".equals(event.getString("loggerName"))).toList();
    for (int i = 1; i <= 3; i++) {
      String id = "json-" + i;
      List<JsonObject> mine = events.stream().filter(event -> id.equals(event.getJsonObject("mdc").getString("request_id"))).toList();
      assertEquals(1, mine.size(), "one event for request " + id + " in " + events);
      assertTrue(mine.get(0).getString("formattedMessage").startsWith("GET /health/live 200 "), mine.get(0).encode());
    }
  }

  @Test
  void theDefaultConfigurationWritesOneLinePerRequestWithItsId(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("service.log");
    ServiceProcess service = start(dir, List.of(), log);
    try {
      assertEquals(200, api.get("/health/live").header("X-Request-Id", "plain-1").send().status());
    } finally {
      service.close();
    }
    List<String> lines = Files.readAllLines(log).stream().filter(line -> line.contains(" access plain-1 - ")).toList();
    assertEquals(1, lines.size(), String.join("\n", Files.readAllLines(log)));
    assertTrue(lines.get(0).matches("\\S+ INFO  \\[[^]]+] access plain-1 - GET /health/live 200 \\d+ ms"), lines.get(0));
  }

  private HttpApi api;

  private ServiceProcess start(Path dir, List<String> jvmOptions, Path log) throws Exception {
    int apiPort = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, apiPort)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET);
    Path conf = Files.writeString(dir.resolve("service.json"), config.encode());
    api = new HttpApi(apiPort);
    return ServiceProcess.start(jvmOptions, conf, log, api);
  }
}
