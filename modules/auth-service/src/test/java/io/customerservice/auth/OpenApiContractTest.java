package io.customerservice.auth;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.OpenApiDocument;
import io.customerservice.testkit.TcpRelay;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.customerservice.web.ApiDocs;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi/auth-service.yaml, as the service serves it, against the service itself: its
 * routes and the document's operations agree both ways, and every answer the document gives is
 * produced by a real call and validated, those of a database that stops answering (504) and then
 * refuses connections (503) included. The database is reached through a relay for that.
 */
class OpenApiContractTest {

  private static final String PASSWORD = "Pass123!";
  private static final String THROTTLED_ADDRESS = "203.0.113.7";
  private static final int REGISTRATIONS_PER_ADDRESS = 3;
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private static JsonObject database;
  private static TcpRelay relay;
  private static Vertx vertx;
  private static JsonObject config;
  private static HttpApi api;
  private static OpenApiDocument document;

  @BeforeAll
  static void start() {
    database = TestPostgres.newDatabase();
    relay = new TcpRelay(database.getInteger(DatabaseSettings.DB_PORT));
    config = TestConfig.withDefaults(database.copy().put(DatabaseSettings.DB_HOST, "127.0.0.1").put(DatabaseSettings.DB_PORT, relay.port()))
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        .put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000)
        .put(AuthSettings.AUTH_LOGIN_MAX_FAILURES_PER_EMAIL, 3)
        .put(AuthSettings.AUTH_REGISTER_MAX_PER_ADDRESS, REGISTRATIONS_PER_ADDRESS)
        // Each registration comes from its own address through this trusted proxy, but the throttled ones.
        .put(AuthSettings.HTTP_TRUSTED_PROXIES, "127.0.0.1")
        // Short, so the answers of a database that stops answering come quickly.
        .put(Settings.HTTP_REQUEST_TIMEOUT_MS, 800).put(Settings.HEALTH_READY_TIMEOUT_MS, 300);
    vertx = Vertx.vertx();
    Bus.await(vertx.deployVerticle(AuthServiceVerticle.class, new DeploymentOptions().setConfig(config)));
    api = new HttpApi(config.getInteger(AuthSettings.AUTH_PORT));
    document = OpenApiDocument.servedBy(vertx, api);
  }

  @AfterAll
  static void stop() {
    Bus.await(vertx.close());
    relay.close();
  }

  @Test
  void everyRouteIsAnOperationOfTheDocumentAndEveryOperationIsRouted() {
    AuthServiceVerticle verticle = new AuthServiceVerticle();
    // Straight to the database: the other test ends with the relay closed.
    JsonObject direct = config.copy().mergeIn(database).put(AuthSettings.AUTH_PORT, FreePort.find());
    Bus.await(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(direct)));
    document.assertRoutes(verticle.router(), ApiDocs.ASSETS_PATH);
  }

  @Test
  void everyExampleFitsItsSchemaAndEveryBodyHasOne() {
    document.assertExamplesMatchSchemas();
  }

  @Test
  void everyDocumentedAnswerIsProducedAndMatchesItsSchema() throws Exception {
    JsonObject registered = tokens();
    String access = registered.getJsonObject("tokens").getString("access");
    String email = registered.getJsonObject("user").getString("email");
    profile(access);
    users(registered, access, email);
    probesAndSchema();

    relay.freeze();
    everyDatabaseOperation(504, access, registered.getJsonObject("tokens").getString("refresh"));
    expect(503, api.get("/health/ready"));
    relay.close();
    everyDatabaseOperation(503, access, registered.getJsonObject("tokens").getString("refresh"));
    document.assertEveryAnswerSeen(Set.of());
  }

  /** register, login, refresh, verify and their refusals; the registered user and its tokens. */
  private static JsonObject tokens() {
    String register = "/api/auth/register/";
    String email = newEmail();
    JsonObject registered = expect(201, fromNewAddress(api.post(register).json(registration(email)))).json();
    expect(400, fromNewAddress(api.post(register).json(registration(email))));
    expect(400, fromNewAddress(api.post(register).json(registration(newEmail()).put("password2", "other").put("role", "admin"))));
    refusesBodies("POST", register, null);
    for (int i = 0; i < REGISTRATIONS_PER_ADDRESS; i++) {
      expect(201, api.post(register).header("X-Forwarded-For", THROTTLED_ADDRESS).json(registration(newEmail())));
    }
    Reply throttled = expect(429, api.post(register).header("X-Forwarded-For", THROTTLED_ADDRESS).json(registration(newEmail())));
    assertNotNull(throttled.header("Retry-After"));

    String login = "/api/auth/login/";
    expect(200, api.post(login).json(new JsonObject().put("email", email).put("password", PASSWORD)));
    expect(400, api.post(login).json(new JsonObject().put("email", email)));
    refusesBodies("POST", login, null);
    for (int i = 0; i < 3; i++) {
      expect(401, api.post(login).json(new JsonObject().put("email", email).put("password", "wrong")));
    }
    expect(429, api.post(login).json(new JsonObject().put("email", email).put("password", PASSWORD)));

    String refresh = "/api/auth/token/refresh/";
    String refreshToken = registered.getJsonObject("tokens").getString("refresh");
    expect(200, api.post(refresh).json(new JsonObject().put("refresh", refreshToken)));
    expect(400, api.post(refresh).json(new JsonObject()));
    expect(401, api.post(refresh).json(new JsonObject().put("refresh", registered.getJsonObject("tokens").getString("access"))));
    expect(401, api.post(refresh).json(new JsonObject().put("refresh", "not.a.token")));
    refusesBodies("POST", refresh, null);

    String verify = "/api/auth/token/verify/";
    expect(200, api.post(verify).json(new JsonObject().put("token", refreshToken)));
    expect(400, api.post(verify).json(new JsonObject().put("token", "")));
    expect(401, api.post(verify).json(new JsonObject().put("token", "not.a.token")));
    refusesBodies("POST", verify, null);
    return registered;
  }

  private static void profile(String access) {
    expect(200, api.get("/api/auth/profile/").token(access));
    expect(401, api.get("/api/auth/profile/"));
    expect(401, api.get("/api/auth/profile/").token(Tokens.access(UUID.randomUUID(), "customer")));
    for (String method : List.of("PATCH", "PUT")) {
      String update = "/api/auth/profile/update/";
      expect(200, api.call(method, update).token(access).json(new JsonObject().put("first_name", "Grace").put("phone_number", "+15557654321")));
      expect(400, api.call(method, update).token(access).json(new JsonObject().put("user_role", "admin")));
      expect(401, api.call(method, update).header("Authorization", "Bearer").json(new JsonObject()));
      refusesBodies(method, update, access);
    }
  }

  private static void users(JsonObject registered, String access, String email) throws Exception {
    String staff = Tokens.access(UUID.randomUUID(), "employee");
    String self = "/api/auth/users/" + registered.getJsonObject("user").getString("id") + "/";
    expect(200, api.get(self).token(staff));
    expect(200, api.get(self).token(access));
    expect(401, api.get(self));
    expect(403, api.get("/api/auth/users/" + UUID.randomUUID() + "/").token(access));
    expect(404, api.get("/api/auth/users/" + UUID.randomUUID() + "/").token(staff));
    expect(404, api.get("/api/auth/users/not-a-uuid/").token(staff));

    String byEmail = "/api/auth/users/?email=" + email.toUpperCase(java.util.Locale.ROOT);
    expect(200, api.get(byEmail).token(staff));
    expect(400, api.get("/api/auth/users/").token(staff));
    expect(401, api.get(byEmail));
    expect(403, api.get(byEmail).token(access));
    expect(404, api.get("/api/auth/users/?email=nobody@example.com").token(staff));

    String users = "/api/auth/users/";
    String admin = promoted(tokens(newEmail()), "admin");
    JsonObject employee = new JsonObject().put("email", newEmail()).put("first_name", "Dana").put("last_name", "Dispatcher")
        .put("password", "Field-Service-2025").put("user_role", "employee");
    expect(201, api.post(users).token(admin).json(employee));
    expect(400, api.post(users).token(admin).json(employee.copy().put("user_role", "boss")));
    expect(401, api.post(users).json(employee));
    expect(403, api.post(users).token(access).json(employee.copy().put("email", newEmail())));
    refusesBodies("POST", users, admin);
  }

  private static void probesAndSchema() {
    expect(200, api.get("/health/live"));
    expect(200, api.get("/health/ready"));
    assertEquals("application/vnd.oai.openapi", expect(200, api.get("/api/schema/")).header("Content-Type"));
    expect(200, api.get("/api/schema/?format=json"));
    expect(404, api.get("/api/schema/?format=html"));
    expect(406, api.get("/api/schema/").header("Accept", "image/png"));
    expect(200, api.get("/api/docs/"));
  }

  /** Every operation that reads or writes the database, with input valid up to that point, answers {@code status}. */
  private static void everyDatabaseOperation(int status, String access, String refresh) {
    String staff = Tokens.access(UUID.randomUUID(), "employee");
    JsonObject change = new JsonObject().put("last_name", "Hopper");
    List<Supplier<HttpApi.Call>> calls = List.of(
        () -> fromNewAddress(api.post("/api/auth/register/").json(registration(newEmail()))),
        () -> api.post("/api/auth/login/").json(new JsonObject().put("email", newEmail()).put("password", PASSWORD)),
        () -> api.post("/api/auth/token/refresh/").json(new JsonObject().put("refresh", refresh)),
        () -> api.get("/api/auth/profile/").token(access),
        () -> api.patch("/api/auth/profile/update/").token(access).json(change),
        () -> api.put("/api/auth/profile/update/").token(access).json(change),
        () -> api.get("/api/auth/users/" + UUID.randomUUID() + "/").token(staff),
        () -> api.get("/api/auth/users/?email=someone@example.com").token(staff),
        () -> api.post("/api/auth/users/").token(access).json(new JsonObject().put("email", newEmail()).put("first_name", "A")
            .put("last_name", "B").put("password", "Field-Service-2025").put("user_role", "employee")));
    calls.forEach(call -> expect(status, call.get()));
  }

  /** 413 past the service's 16 KiB, 415 for a body that is not JSON, 400 for JSON that does not parse. */
  private static void refusesBodies(String method, String path, String token) {
    HttpApi.Call oversized = api.call(method, path).json(new JsonObject().put("email", "x".repeat(20_000)));
    HttpApi.Call form = api.call(method, path).body("email=a", "application/x-www-form-urlencoded");
    HttpApi.Call broken = api.call(method, path).body("{\"email\":", "application/json");
    for (HttpApi.Call call : List.of(oversized, form, broken)) {
      if (token != null) {
        call.token(token);
      }
    }
    expect(413, oversized);
    expect(415, form);
    expect(400, broken);
  }

  private static JsonObject tokens(String email) {
    return expect(201, fromNewAddress(api.post("/api/auth/register/").json(registration(email)))).json();
  }

  /** Promotes a registered user as an operator would (there is no public way), and logs in again. */
  private static String promoted(JsonObject registered, String role) throws Exception {
    String url = "jdbc:postgresql://localhost:" + database.getInteger(DatabaseSettings.DB_PORT) + "/" + database.getString(DatabaseSettings.DB_DATABASE);
    try (Connection c = DriverManager.getConnection(url, config.getString(DatabaseSettings.DB_USER), "");
         PreparedStatement p = c.prepareStatement("UPDATE auth.users SET user_role = ? WHERE id = ?::uuid")) {
      p.setString(1, role);
      p.setString(2, registered.getJsonObject("user").getString("id"));
      assertEquals(1, p.executeUpdate());
    }
    return expect(200, api.post("/api/auth/login/").json(new JsonObject()
        .put("email", registered.getJsonObject("user").getString("email")).put("password", PASSWORD))).json().getString("access");
  }

  private static HttpApi.Call fromNewAddress(HttpApi.Call call) {
    return call.header("X-Forwarded-For", "198.51.100." + (ADDRESSES.incrementAndGet() % 250 + 1));
  }

  private static String newEmail() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static JsonObject registration(String email) {
    return new JsonObject().put("email", email).put("first_name", "Test").put("last_name", "User")
        .put("phone_number", "+15551234567").put("password1", PASSWORD).put("password2", PASSWORD);
  }

  private static Reply expect(int status, HttpApi.Call call) {
    Reply reply = document.send(call);
    assertEquals(status, reply.status(), () -> call.method() + " " + call.path() + ": " + reply);
    return reply;
  }
}
