package io.customerservice.auth;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HostileInputs;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.RawHttp.Answer;
import io.customerservice.testkit.RawHttp;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The authentication service against what an attacker sends, generated, through a real socket:
 * any body, media type, token, query string and Host on every route is answered in bounded time,
 * never with a 5xx or an internal name, and a refused request leaves the user it aimed at as it
 * was. Seeded: a failure reproduces.
 */
class AuthHostileInputProperties {

  private static final String SEED = "20261202";
  private static final String PASSWORD = "Pass123!";

  private static Vertx vertx;
  private static HttpApi api;
  private static RawHttp raw;
  private static String userId;
  private static String userToken;
  private static String refreshToken;

  /** A route and the method it answers. */
  record Route(String method, String path) {
  }

  @BeforeContainer
  static void start() {
    int port = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, port).put(JwtSettings.JWT_SECRET, Tokens.SECRET)
        .put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000)
        .put(AuthSettings.AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS, 1_000_000).put(AuthSettings.AUTH_REGISTER_MAX_PER_ADDRESS, 1_000_000);
    vertx = Vertx.vertx();
    Bus.await(vertx.deployVerticle(AuthServiceVerticle.class, new DeploymentOptions().setConfig(config)));
    api = new HttpApi(port);
    raw = new RawHttp(port, Duration.ofSeconds(15));
    JsonObject registered = api.post("/api/auth/register/").json(new JsonObject().put("email", "target@example.com")
        .put("first_name", "Ada").put("last_name", "Lovelace").put("password1", PASSWORD).put("password2", PASSWORD)).send().json();
    userId = registered.getJsonObject("user").getString("id");
    userToken = registered.getJsonObject("tokens").getString("access");
    refreshToken = registered.getJsonObject("tokens").getString("refresh");
  }

  @AfterContainer
  static void stop() {
    Bus.await(vertx.close());
  }

  @Property(tries = 400, seed = SEED)
  void anyBodyTypeAndTokenOnAnyRouteIsAnsweredWithoutA5xxAndARefusalChangesNothing(
      @ForAll("routes") Route route, @ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body,
      @ForAll("callers") String token, @ForAll("hosts") String host) {
    String before = snapshot();
    Answer answer = raw.exchange(route.method() + " " + route.path() + " HTTP/1.1", RawHttp.headerLines(host, contentType, token), body);
    Statistics.collect(answer.status());
    answer.assertSafeForClients();
    if (answer.status() >= 400) {
      assertEquals(before, snapshot(), () -> "a refused " + route + " changed the user: " + answer);
    }
  }

  /** The target user as staff see them (login ability included); what no refused request may change. */
  private static String snapshot() {
    return api.get("/api/auth/users/" + userId + "/").token(Tokens.access(UUID.randomUUID(), "employee")).send().text();
  }

  @Provide
  Arbitrary<Route> routes() {
    return Arbitraries.of(
        new Route("POST", "/api/auth/register/"), new Route("POST", "/api/auth/login/"), new Route("POST", "/api/auth/token/refresh/"),
        new Route("POST", "/api/auth/token/verify/"), new Route("GET", "/api/auth/profile/"), new Route("PATCH", "/api/auth/profile/update/"),
        new Route("PUT", "/api/auth/profile/update/"), new Route("GET", "/api/auth/users/" + userId + "/"),
        new Route("GET", "/api/auth/users/?email=target%40example.com"), new Route("GET", "/api/auth/users/?email=%zz"),
        new Route("GET", "/api/auth/users/?email=a%00b"), new Route("POST", "/api/auth/users/"), new Route("GET", "/health/ready"),
        new Route("DELETE", "/api/auth/profile/"));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return HostileInputs.contentTypes();
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return HostileInputs.body(List.of("email", "password", "password1", "password2", "first_name", "last_name", "phone_number", "user_role",
        "token", "refresh", "id", "is_active"));
  }

  @Provide
  Arbitrary<String> callers() {
    return Arbitraries.oneOf(Arbitraries.of(userToken, refreshToken, Tokens.access(UUID.randomUUID(), "admin")), HostileInputs.tokens(Tokens.SECRET));
  }

  @Provide
  Arbitrary<String> hosts() {
    // Mostly a good Host, so that most requests get past it to the routes.
    return Arbitraries.oneOf(Arbitraries.just("127.0.0.1"), Arbitraries.just("localhost:8001"), HostileInputs.hosts());
  }
}
