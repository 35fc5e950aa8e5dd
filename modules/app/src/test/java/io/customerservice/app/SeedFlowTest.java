package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.ServiceProcess;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's Testing Guide, end to end over real HTTP against the launched service's two ports:
 * register at the authentication service, create the profile at the customer service with the
 * returned token, read it back with the user data merged, update the user and see the change.
 */
class SeedFlowTest {

  @Test
  void registerLogInCreateReadUpdateAsTheDjangoFrontendDoes(@TempDir Path dir) throws Exception {
    int authPort = FreePort.find();
    int apiPort = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, apiPort)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, authPort)
        .put(JwtSettings.JWT_SECRET, "seed-flow-secret-0123456789-0123456789-0123456789");
    Path conf = Files.writeString(dir.resolve("seed.json"), config.encode());
    HttpApi auth = new HttpApi(authPort);
    HttpApi customers = new HttpApi(apiPort);

    try (ServiceProcess service = ServiceProcess.start(conf, dir.resolve("service.log"), customers)) {
      // 1. Register (the seed's PowerShell step 1)
      Reply registered = auth.post("/api/auth/register/").json(new JsonObject()
          .put("email", "test@example.com").put("first_name", "Test").put("last_name", "User")
          .put("phone_number", "+15551234567").put("password1", "Pass123!").put("password2", "Pass123!")).send();
      assertEquals(201, registered.status(), registered.toString());
      assertNotNull(registered.json().getJsonObject("tokens").getString("access"), "registration answers the seed's {user, tokens}");

      // 1b. Log in as the Django frontend does: simplejwt's pair at the top level
      Reply login = auth.post("/api/auth/login/").json(new JsonObject().put("email", "test@example.com").put("password", "Pass123!")).send();
      assertEquals(200, login.status(), login.toString());
      String access = login.json().getString("access");
      assertNotNull(login.json().getString("refresh"));

      // 2. Create the profile with the returned token (step 2)
      Reply created = customers.post("/api/v1/customers/profile/create/").token(access).json(new JsonObject()
          .put("street_address", "123 Test St").put("city", "Portland").put("state", "Oregon")
          .put("postal_code", "97201").put("country", "USA")).send();
      assertEquals(201, created.status(), created.toString());

      // 3. Read it back, the user data merged from the authentication service at the top level (profile.email)
      JsonObject profile = customers.get("/api/v1/customers/profile/").token(access).send().json();
      assertTrue(profile.getBoolean("user_data_complete"), profile.encode());
      assertEquals("+15551234567", profile.getString("phone_number"));
      assertEquals("test@example.com", profile.getString("email"));

      // 4. Update the user at the authentication service; the next profile read shows it
      Reply updated = auth.patch("/api/auth/profile/update/").token(access)
          .json(new JsonObject().put("first_name", "Grace").put("phone_number", "+15557654321")).send();
      assertEquals(200, updated.status(), updated.toString());
      JsonObject after = customers.get("/api/v1/customers/profile/").token(access).send().json();
      assertEquals("Grace", after.getString("first_name"));
      assertEquals("+15557654321", after.getString("phone_number"));

      // The refresh token gives a new access token that is as good at the customer service
      Reply refreshed = auth.post("/api/auth/token/refresh/").json(new JsonObject().put("refresh", login.json().getString("refresh"))).send();
      assertEquals(200, customers.get("/api/v1/customers/profile/").token(refreshed.json().getString("access")).send().status());
    }
  }
}
