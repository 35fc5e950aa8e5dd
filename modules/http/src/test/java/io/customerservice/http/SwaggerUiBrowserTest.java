package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HeadlessChromium;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.SwaggerUiPage;
import io.customerservice.testkit.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI at /api/docs/ in a real headless Chromium: the page loads from the service alone
 * under its Content-Security-Policy, takes a bearer token, and a request sent from it with
 * "Try it out" reaches the API and succeeds. The screenshot is left in target/swagger-ui/.
 */
class SwaggerUiBrowserTest {

  private static final Path OUTPUT = Path.of("target", "swagger-ui");

  @Test
  void aRequestSentFromSwaggerUiReachesTheApiAndSucceeds() throws Exception {
    Path browser = HeadlessChromium.installedOrSkip();
    String token = Tokens.access(UUID.randomUUID(), "customer");
    try (ApiServer server = ApiServer.start(); HeadlessChromium chromium = HeadlessChromium.launch(browser, OUTPUT.resolve("chromium"))) {
      HeadlessChromium.Tab tab = chromium.newTab();
      SwaggerUiPage page = SwaggerUiPage.open(tab, server.api.base());
      assertEquals("Customer API", page.title());
      page.authorize("bearerAuth", token);
      String status = page.execute("profile", "createOwnProfile", OUTPUT.resolve("customer-api.png"));

      assertEquals("201", status, "the answer to the page's request, as Swagger UI shows it");
      Reply saved = server.api.get("/api/v1/customers/profile/").token(token).send();
      assertEquals(200, saved.status(), "the page's request created the token user's profile: " + saved);
      assertEquals("Portland", saved.json().getString("city"), "from the document's example body");
      assertEquals(List.of(), tab.violations(), "the page's policy refused nothing Swagger UI needs");
      assertEquals(List.of(), tab.problems(), "the page reported no error");
    }
  }
}
