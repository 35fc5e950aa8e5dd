package io.customerservice.auth;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.Addresses;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.EventRecorder;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authentication service over real HTTP, against the real PostgreSQL. */
class AuthServiceTest {

  private static final String PASSWORD = "Pass123!";
  private static Vertx vertx;
  private static HttpApi api;
  private static JsonObject config;

  @BeforeAll
  static void start() {
    int port = FreePort.find();
    config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, port)
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        // The real algorithm; fewer rounds keep the suite fast.
        .put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000)
        .put(AuthSettings.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS, 1000)
        .put(AuthSettings.AUTH_REGISTER_MAX_PER_ADDRESS, 1000);
    vertx = Vertx.vertx();
    Bus.await(vertx.deployVerticle(AuthServiceVerticle.class, new DeploymentOptions().setConfig(config)));
    api = new HttpApi(port);
  }

  @AfterAll
  static void stop() {
    Bus.await(vertx.close());
  }

  private static String newEmail() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
  }

  private static JsonObject registration(String email) {
    return new JsonObject().put("email", email).put("first_name", "Test").put("last_name", "User")
        .put("phone_number", "+15551234567").put("password1", PASSWORD).put("password2", PASSWORD);
  }

  private static JsonObject register(String email) {
    Reply reply = api.post("/api/auth/register/").json(registration(email)).send();
    assertEquals(201, reply.status(), reply.toString());
    return reply.json();
  }

  private static JsonObject claims(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static JsonObject header(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
  }

  @Test
  void registrationCreatesACustomerAndAnswersWithTokens() {
    String email = newEmail();
    JsonObject body = register(email);
    JsonObject user = body.getJsonObject("user");
    assertEquals(email.substring(0, email.indexOf('@')) + "@example.com", user.getString("email"), "the domain is normalised");
    assertEquals("customer", user.getString("user_role"));
    assertEquals("+15551234567", user.getString("phone_number"));
    assertFalse(user.containsKey("password"));

    String access = body.getJsonObject("tokens").getString("access");
    JsonObject claims = claims(access);
    assertEquals("access", claims.getString("token_type"));
    assertEquals(user.getString("id"), claims.getString("user_id"));
    assertEquals("customer", claims.getString("user_role"));
    assertEquals("refresh", claims(body.getJsonObject("tokens").getString("refresh")).getString("token_type"));
  }

  @Test
  void itsTokensAreLaidOutAsTheCustomerApiTestsMintThem() {
    String access = register(newEmail()).getJsonObject("tokens").getString("access");
    String minted = Tokens.access(UUID.randomUUID(), "customer");
    assertEquals(claims(minted).fieldNames(), claims(access).fieldNames());
    assertEquals(header(minted).getString("alg"), header(access).getString("alg"));
    assertEquals(header(minted).getString("typ"), header(access).getString("typ"));
    assertEquals(32, claims(access).getString("jti").length(), "a hex uuid, as simplejwt's");
  }

  @Test
  void registrationIsRefusedFieldByFieldAsDjangoRefusesIt() {
    String email = newEmail();
    register(email);
    assertErrors(registration(email.toUpperCase()), "email", "A user with that email already exists.");
    assertErrors(registration(newEmail()).put("password2", "Other123!"), "non_field_errors", "The two password fields didn't match.");
    assertErrors(registration(newEmail()).put("password1", "Ab1!").put("password2", "Ab1!"), "password1",
        "This password is too short. It must contain at least 8 characters.");
    assertErrors(registration(newEmail()).put("password1", "password123").put("password2", "password123"), "password1",
        "This password is too common.");
    assertErrors(registration(newEmail()).put("password1", "83917465").put("password2", "83917465"), "password1",
        "This password is entirely numeric.");
    assertErrors(registration("margaret.hamilton@example.com").put("password1", "margaret.hamilton1").put("password2", "margaret.hamilton1"),
        "password1", "The password is too similar to the email address.");
    assertErrors(registration("not-an-email").put("password1", "Zq8!xlmT").put("password2", "Zq8!xlmT"), "email", "Enter a valid email address.");
    assertErrors(registration(newEmail()).put("phone_number", "call me"), "phone_number", "Enter a valid phone number.");
    assertErrors(registration(newEmail()).put("user_role", "admin"), "user_role", "This field is not allowed.");
    assertErrors(new JsonObject(), "email", "This field is required.");
  }

  private static void assertErrors(JsonObject body, String field, String message) {
    Reply reply = api.post("/api/auth/register/").json(body).send();
    assertEquals(400, reply.status(), reply.toString());
    assertTrue(reply.json().getJsonArray(field, new io.vertx.core.json.JsonArray()).contains(message), reply.toString());
  }

  @Test
  void loginAnswersAsSimplejwtDoesAndFailuresSayNothingAboutWhy() {
    String email = newEmail();
    register(email);
    Reply ok = api.post("/api/auth/login/").json(new JsonObject().put("email", email.toLowerCase()).put("password", PASSWORD)).send();
    assertEquals(200, ok.status(), ok.toString());
    assertEquals(List.of("refresh", "access", "user"), List.copyOf(ok.json().fieldNames()), "simplejwt's pair at the top level, the user beside it");
    assertEquals("access", claims(ok.json().getString("access")).getString("token_type"));
    assertEquals("refresh", claims(ok.json().getString("refresh")).getString("token_type"));
    assertEquals(email.toLowerCase(java.util.Locale.ROOT), ok.json().getJsonObject("user").getString("email").toLowerCase(java.util.Locale.ROOT));

    Reply wrongPassword = api.post("/api/auth/login/").json(new JsonObject().put("email", email).put("password", "Wrong123!")).send();
    Reply unknownEmail = api.post("/api/auth/login/").json(new JsonObject().put("email", newEmail()).put("password", PASSWORD)).send();
    assertEquals(401, wrongPassword.status());
    assertEquals("Bearer realm=\"api\"", wrongPassword.header("WWW-Authenticate"));
    assertEquals(wrongPassword.text(), unknownEmail.text());
    assertEquals(new JsonObject().put("detail", "No active account found with the given credentials"), wrongPassword.json());
  }

  @Test
  void repeatedLoginFailuresForOneEmailAreThrottled() {
    String email = newEmail();
    register(email);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, api.post("/api/auth/login/").json(new JsonObject().put("email", email).put("password", "Wrong123!")).send().status());
    }
    Reply throttled = api.post("/api/auth/login/").json(new JsonObject().put("email", email).put("password", PASSWORD)).send();
    assertEquals(429, throttled.status(), "even the right password waits: " + throttled);
    assertNotNull(throttled.header("Retry-After"));
  }

  @Test
  void refreshGivesANewAccessTokenAndRefusesAnythingElse() {
    JsonObject tokens = register(newEmail()).getJsonObject("tokens");
    Reply refreshed = api.post("/api/auth/token/refresh/").json(new JsonObject().put("refresh", tokens.getString("refresh"))).send();
    assertEquals(200, refreshed.status(), refreshed.toString());
    assertEquals("access", claims(refreshed.json().getString("access")).getString("token_type"));

    assertEquals(401, api.post("/api/auth/token/refresh/").json(new JsonObject().put("refresh", tokens.getString("access"))).send().status());
    assertEquals(401, api.post("/api/auth/token/refresh/").json(new JsonObject().put("refresh", "garbage")).send().status());
    assertEquals(400, api.post("/api/auth/token/refresh/").json(new JsonObject()).send().status());
  }

  @Test
  void verifyAcceptsGoodTokensAndRefusesOthers() {
    String access = register(newEmail()).getJsonObject("tokens").getString("access");
    Reply good = api.post("/api/auth/token/verify/").json(new JsonObject().put("token", access)).send();
    assertEquals(200, good.status());
    assertEquals(new JsonObject(), good.json());
    Reply forged = api.post("/api/auth/token/verify/").json(new JsonObject()
        .put("token", Tokens.sign(claims(access), "some-other-secret-of-sufficient-length"))).send();
    assertEquals(401, forged.status());
    assertEquals("token_not_valid", forged.json().getString("code"));
  }

  @Test
  void theProfileIsReadAndUpdatedAndAChangeIsAnnounced() {
    JsonObject body = register(newEmail());
    String access = body.getJsonObject("tokens").getString("access");
    String id = body.getJsonObject("user").getString("id");
    assertEquals(body.getJsonObject("user"), api.get("/api/auth/profile/").token(access).send().json());

    try (EventRecorder changes = new EventRecorder(vertx, Addresses.AUTH_EVENTS_USER_CHANGED)) {
      Reply updated = api.patch("/api/auth/profile/update/").token(access)
          .json(new JsonObject().put("first_name", "Grace").put("phone_number", "+44 20 7946 0958")).send();
      assertEquals(200, updated.status(), updated.toString());
      assertEquals("Grace", updated.json().getString("first_name"));
      assertEquals("User", updated.json().getString("last_name"));
      changes.await(event -> event.getString("user_id").equals(id));
    }
    assertEquals(400, api.patch("/api/auth/profile/update/").token(access).json(new JsonObject().put("user_role", "admin")).send().status());
    assertEquals(401, api.get("/api/auth/profile/").send().status());
  }

  @Test
  void otherServicesLookUpUsersWithinTheCallersRights() throws Exception {
    JsonObject alice = register(newEmail());
    JsonObject bob = register(newEmail());
    String aliceToken = alice.getJsonObject("tokens").getString("access");
    String bobId = bob.getJsonObject("user").getString("id");
    assertEquals(200, api.get("/api/auth/users/" + alice.getJsonObject("user").getString("id") + "/").token(aliceToken).send().status());
    assertEquals(403, api.get("/api/auth/users/" + bobId + "/").token(aliceToken).send().status());

    String staffToken = staff(register(newEmail()), "employee");
    Reply lookup = api.get("/api/auth/users/" + bobId + "/").token(staffToken).send();
    assertEquals(200, lookup.status());
    assertEquals(bob.getJsonObject("user"), lookup.json());
    assertEquals(404, api.get("/api/auth/users/" + UUID.randomUUID() + "/").token(staffToken).send().status());
  }

  @Test
  void onlyAnAdminCreatesStaffUsers() throws Exception {
    JsonObject newEmployee = new JsonObject().put("email", newEmail()).put("first_name", "Eve").put("last_name", "Staff")
        .put("password", "Zq8!xlmTw").put("user_role", "employee");
    String customerToken = register(newEmail()).getJsonObject("tokens").getString("access");
    assertEquals(403, api.post("/api/auth/users/").token(customerToken).json(newEmployee).send().status());

    String adminToken = staff(register(newEmail()), "admin");
    Reply created = api.post("/api/auth/users/").token(adminToken).json(newEmployee).send();
    assertEquals(201, created.status(), created.toString());
    assertEquals("employee", created.json().getString("user_role"));
    Reply login = api.post("/api/auth/login/").json(new JsonObject().put("email", newEmployee.getString("email")).put("password", "Zq8!xlmTw")).send();
    assertEquals("employee", claims(login.json().getString("access")).getString("user_role"));
  }

  /** Promotes a registered user as an operator would (there is no public way), and logs in again. */
  private static String staff(JsonObject registered, String role) throws Exception {
    String url = "jdbc:postgresql://" + config.getString("db.host") + ":" + config.getInteger("db.port") + "/" + config.getString("db.database");
    try (Connection c = DriverManager.getConnection(url, config.getString("db.user"), "");
         PreparedStatement p = c.prepareStatement("UPDATE auth.users SET user_role = ? WHERE id = ?::uuid")) {
      p.setString(1, role);
      p.setString(2, registered.getJsonObject("user").getString("id"));
      assertEquals(1, p.executeUpdate());
    }
    Reply login = api.post("/api/auth/login/").json(new JsonObject()
        .put("email", registered.getJsonObject("user").getString("email")).put("password", PASSWORD)).send();
    return login.json().getString("access");
  }
}
