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
 * The access log is one logging event per request: by default each is a line in the common
 * pattern, and with {@code log.format=json} each request is one JSON object carrying its request
 * id, as is every other line, so a structured log pipeline can take the output as it is.
 */
class AccessLogTest {

  @Test
  void withLogFormatJsonEachRequestIsOneJsonObjectCarryingItsId(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("service.log");
    ServiceProcess service = start(dir, new JsonObject().put(AppSettings.LOG_FORMAT, "json"), log);
    try {
      for (int i = 1; i <= 3; i++) {
        assertEquals(200, api.get("/health/live").header("X-Request-Id", "json-" + i).send().status());
      }
    } finally {
      service.close();
    }
    List<String> lines = Files.readAllLines(log);
    String started = lines.stream().filter(line -> line.contains("listening on")).findFirst().orElseThrow();
    for (String line : lines.subList(lines.indexOf(started), lines.size())) {
      assertTrue(line.startsWith("{") && new JsonObject(line).containsKey("level"), "once the configuration is read, every line is JSON: " + line);
    }
    List<JsonObject> events = lines.stream().filter(line -> line.startsWith("{"))
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
    ServiceProcess service = start(dir, new JsonObject(), log);
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

  private ServiceProcess start(Path dir, JsonObject overrides, Path log) throws Exception {
    int apiPort = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, apiPort)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        .mergeIn(overrides);
    Path conf = Files.writeString(dir.resolve("service.json"), config.encode());
    api = new HttpApi(apiPort);
    return ServiceProcess.start(conf, log, api);
  }
}
