package io.customerservice.auth;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One example of each class of hostile input the authentication service refuses, and of each way around its login limits it closes. */
class AuthHostileInputTest {

  private static final String PASSWORD = "Pass123!";
  private static final String REFUSED = "which is not allowed (control, invisible or bidirectional formatting characters).";
  private static Vertx vertx;
  /** Default limits: five failures per email. */
  private static HttpApi api;
  /** Behind a trusted proxy on loopback: three failures and two registrations per client address. */
  private static HttpApi proxied;
  /** The same limits, no proxy trusted: X-Forwarded-For means nothing. */
  private static HttpApi direct;
  /** Two failures per email in a two-second window. */
  private static HttpApi windowed;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    api = deploy(new JsonObject().put(AuthSettings.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS, 1000).put(AuthSettings.AUTH_REGISTER_MAX_PER_ADDRESS, 1000));
    JsonObject tight = new JsonObject().put(AuthSettings.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS, 3).put(AuthSettings.AUTH_REGISTER_MAX_PER_ADDRESS, 2)
        .put(AuthSettings.AUTH_LOGIN_MAX_FAILURES_PER_EMAIL, 1000);
    proxied = deploy(tight.copy().put(AuthSettings.HTTP_TRUSTED_PROXIES, "10.0.0.0/8, 127.0.0.1"));
    direct = deploy(tight);
    windowed = deploy(new JsonObject().put(AuthSettings.AUTH_LOGIN_MAX_FAILURES_PER_EMAIL, 2).put(AuthSettings.AUTH_LOGIN_WINDOW_SECONDS, 2));
  }

  @AfterAll
  static void stop() {
    Bus.await(vertx.close());
  }

  private static HttpApi deploy(JsonObject overrides) {
    int port = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, port)
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET).put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000)
        .mergeIn(overrides);
    Bus.await(vertx.deployVerticle(AuthServiceVerticle.class, new DeploymentOptions().setConfig(config)));
    return new HttpApi(port);
  }

  private static String newEmail() {
    return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static JsonObject registration(String email) {
    return new JsonObject().put("email", email).put("first_name", "Ivan").put("last_name", "Petrov")
        .put("password1", PASSWORD).put("password2", PASSWORD);
  }

  private static Reply login(HttpApi on, String email, String password, String forwardedFor) {
    HttpApi.Call call = on.post("/api/auth/login/").json(new JsonObject().put("email", email).put("password", password));
    return (forwardedFor == null ? call : call.header("X-Forwarded-For", forwardedFor)).send();
  }

  private static String staffToken() {
    return Tokens.access(UUID.randomUUID(), "employee");
  }

  @Test
  void aNulInTheLoginEmailOrTheStaffLookupIsA400NamingTheEmail() {
    Reply login = login(api, "a\u0000b@example.com", PASSWORD, null);
    assertEquals(400, login.status(), login::toString);
    assertEquals(List.of("Contains the character U+0000, " + REFUSED), login.json().getJsonArray("email").getList());
    Reply lookup = api.get("/api/auth/users/?email=a%00b%40example.com").token(staffToken()).send();
    assertEquals(400, lookup.status(), lookup::toString);
    assertEquals(List.of("Contains the character U+0000, " + REFUSED), lookup.json().getJsonArray("email").getList());
  }

  @Test
  void controlAndInvisibleCharactersNeverReachAStoredUserOrAToken() {
    for (Map.Entry<String, String> hostile : Map.of("first_name", "I\u0007van", "last_name", "Pet\r\nrov", "phone_number", "+1555\u202E1234567",
        "email", "iv\u200Ban@example.com").entrySet()) {
      String email = newEmail();
      Reply reply = api.post("/api/auth/register/").json(registration(email).put(hostile.getKey(), hostile.getValue())).send();
      assertEquals(400, reply.status(), hostile + ": " + reply);
      assertTrue(reply.json().getJsonArray(hostile.getKey()).getString(0).endsWith(REFUSED), reply::toString);
      assertEquals(404, api.get("/api/auth/users/?email=" + email).token(staffToken()).send().status(), "nothing was stored");
    }
    String email = newEmail();
    String access = api.post("/api/auth/register/").json(registration(email)).send().json().getJsonObject("tokens").getString("access");
    Reply update = api.patch("/api/auth/profile/update/").token(access).json(new JsonObject().put("first_name", "Iv\u0085an")).send();
    assertEquals(400, update.status(), update::toString);
    assertEquals("Ivan", api.get("/api/auth/profile/").token(access).send().json().getString("first_name"));
  }

  @Test
  void concurrentWrongPasswordsAreCountedBeforeAnyIsChecked() {
    String email = newEmail();
    assertEquals(201, api.post("/api/auth/register/").json(registration(email)).send().status());
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest wrong = HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/login/")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", email).put("password", "Wrong123!").encode())).build();
    List<CompletableFuture<HttpResponse<String>>> guesses = IntStream.range(0, 12)
        .mapToObj(i -> client.sendAsync(wrong, HttpResponse.BodyHandlers.ofString())).toList();
    List<Integer> statuses = guesses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).sorted().toList();
    assertEquals(5, statuses.stream().filter(s -> s == 401).count(), statuses::toString);
    assertEquals(7, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
    assertEquals(429, login(api, email, PASSWORD, null).status(), "the right password waits too");
  }

  @Test
  void refusedAttemptsDoNotPushTheEndOfTheWindowBack() throws InterruptedException {
    String email = newEmail();
    assertEquals(201, windowed.post("/api/auth/register/").json(registration(email)).send().status());
    assertEquals(401, login(windowed, email, "Wrong123!", null).status());
    assertEquals(401, login(windowed, email, "Wrong123!", null).status());
    long lastCounted = System.nanoTime();
    while (System.nanoTime() - lastCounted < 1_800_000_000L) {
      assertEquals(429, login(windowed, email, "Wrong123!", null).status());
      Thread.sleep(200);
    }
    Thread.sleep(900);
    Reply after = login(windowed, email, PASSWORD, null);
    assertEquals(200, after.status(), "the window ran from the last counted failure, not the last refusal: " + after);
  }

  @Test
  void aLoginEmailLongerThanAnyUsersIsRefusedBeforeItIsCounted() {
    Reply reply = login(api, "a".repeat(300) + "@example.com", PASSWORD, null);
    assertEquals(List.of("Ensure this field has no more than 254 characters."), reply.json().getJsonArray("email").getList());
  }

  @Test
  void anotherSpellingOfAnEmailIsTheSameUserToEveryRuleOrNobody() {
    String local = "ivan-" + UUID.randomUUID().toString().substring(0, 6);
    String email = local + "@example.com";
    assertEquals(201, api.post("/api/auth/register/").json(registration(email)).send().status());
    Reply taken = api.post("/api/auth/register/").json(registration(local.toUpperCase(java.util.Locale.ROOT) + "@EXAMPLE.COM")).send();
    assertEquals(List.of("A user with that email already exists."), taken.json().getJsonArray("email").getList());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, login(api, email, "Wrong123!", null).status());
    }
    assertEquals(429, login(api, "I" + email.substring(1).toUpperCase(java.util.Locale.ROOT), PASSWORD, null).status(), "any case is the same email");
    Reply dotted = login(api, "\u0130" + email.substring(1), PASSWORD, null);
    assertEquals(401, dotted.status(), "U+0130 is another email, not a way into ivan's account: " + dotted);
  }

  @Test
  void signedTokensWhoseTimeClaimsAreNotNumbersAreInvalidOnVerify() {
    for (Map.Entry<String, Object> claim : Map.<String, Object>of("exp", "soon", "iat", "x", "nbf", List.of(1)).entrySet()) {
      String token = Tokens.sign(Tokens.claims(UUID.randomUUID(), "customer").put(claim.getKey(), claim.getValue()));
      Reply verify = api.post("/api/auth/token/verify/").json(new JsonObject().put("token", token)).send();
      assertEquals(401, verify.status(), claim + ": " + verify);
      assertEquals(new JsonObject().put("detail", "Token is invalid or expired").put("code", "token_not_valid"), verify.json());
      assertEquals(401, api.get("/api/auth/profile/").token(token).send().status());
    }
  }

  @Test
  void behindATrustedProxyEachClientHasItsOwnLimitAndCannotForgeAnother() {
    for (int i = 0; i < 3; i++) {
      assertEquals(401, login(proxied, newEmail(), "Wrong123!", "203.0.113.1, 10.0.0.7").status());
    }
    assertEquals(429, login(proxied, newEmail(), "Wrong123!", "203.0.113.1, 10.0.0.7").status());
    assertEquals(429, login(proxied, newEmail(), "Wrong123!", "198.51.100.9, 203.0.113.1, 10.0.0.7").status(),
        "what the client wrote left of its own address is not believed");
    assertEquals(401, login(proxied, newEmail(), "Wrong123!", "203.0.113.2, 10.0.0.7").status(), "another client behind the proxy is not locked out");
  }

  @Test
  void withoutATrustedProxyForwardedForIsIgnored() {
    for (int i = 0; i < 3; i++) {
      assertEquals(401, login(direct, newEmail(), "Wrong123!", "203.0.113." + i).status());
    }
    assertEquals(429, login(direct, newEmail(), "Wrong123!", "203.0.113.99").status());
  }

  @Test
  void registrationsAreLimitedPerClientAddressBeforeAnyPasswordIsHashed() {
    for (int i = 0; i < 2; i++) {
      assertEquals(201, proxied.post("/api/auth/register/").header("X-Forwarded-For", "192.0.2.1").json(registration(newEmail())).send().status());
    }
    String refusedEmail = newEmail();
    Reply refused = proxied.post("/api/auth/register/").header("X-Forwarded-For", "192.0.2.1").json(registration(refusedEmail)).send();
    assertEquals(429, refused.status(), refused::toString);
    assertNotNull(refused.header("Retry-After"));
    assertEquals(404, proxied.get("/api/auth/users/?email=" + refusedEmail).token(staffToken()).send().status(), "nothing was stored");
    assertEquals(201, proxied.post("/api/auth/register/").header("X-Forwarded-For", "192.0.2.2").json(registration(newEmail())).send().status());
  }
}
