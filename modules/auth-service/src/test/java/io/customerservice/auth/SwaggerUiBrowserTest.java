package io.customerservice.auth;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HeadlessChromium;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.SwaggerUiPage;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The authentication service's own Swagger UI, on its own port, in a real headless Chromium: the
 * document's example registration sent from the page creates a user who can then log in. The
 * screenshot is left in target/swagger-ui/.
 */
class SwaggerUiBrowserTest {

  @Test
  void theExampleRegistrationSentFromSwaggerUiCreatesTheUser() throws Exception {
    Path browser = HeadlessChromium.installedOrSkip();
    Path output = Path.of("target", "swagger-ui");
    int port = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, port)
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET).put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000);
    Vertx vertx = Vertx.vertx();
    try (HeadlessChromium chromium = HeadlessChromium.launch(browser, output.resolve("chromium"))) {
      Bus.await(vertx.deployVerticle(AuthServiceVerticle.class, new DeploymentOptions().setConfig(config)));
      HttpApi api = new HttpApi(port);
      HeadlessChromium.Tab tab = chromium.newTab();
      SwaggerUiPage page = SwaggerUiPage.open(tab, api.base());
      assertEquals("Authentication service", page.title());
      assertEquals("201", page.execute("tokens", "register", output.resolve("auth-service.png")),
          "the answer to the page's request, as Swagger UI shows it");

      HttpApi.Reply login = api.post("/api/auth/login/").json(new JsonObject().put("email", "test@example.com").put("password", "Pass123!")).send();
      assertEquals(200, login.status(), "the user the page registered logs in: " + login);
      assertEquals(List.of(), tab.violations(), "the page's policy refused nothing Swagger UI needs");
      assertEquals(List.of(), tab.problems(), "the page reported no error");
    } finally {
      Bus.await(vertx.close());
    }
  }
}
