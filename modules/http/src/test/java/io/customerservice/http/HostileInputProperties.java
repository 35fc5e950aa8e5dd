package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.customer.CustomerField;
import io.customerservice.testkit.HostileInputs;
import io.customerservice.testkit.RawHttp.Answer;
import io.customerservice.testkit.RawHttp;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The customer API against what an attacker sends, generated: bodies, media types, tokens, query
 * strings, Host headers and other headers, on every route, through a real socket. Whatever
 * arrives, the answer comes in bounded time, is never a 5xx, never shows an internal name, and a
 * refused request leaves the customer it aimed at exactly as it was. Seeded: a failure reproduces.
 */
class HostileInputProperties {

  private static final String SEED = "20261202";
  private static final Duration BOUND = Duration.ofSeconds(15);

  private static ApiServer server;
  private static RawHttp raw;
  private static String owner;
  private static String staff;
  private static String customerId;

  /** A route and the methods it answers. */
  record Route(String method, String path) {
  }

  @BeforeContainer
  static void start() {
    server = ApiServer.start();
    raw = new RawHttp(server.config.getInteger(HttpSettings.HTTP_PORT), BOUND);
    owner = Tokens.access(UUID.randomUUID(), "customer");
    staff = Tokens.access(UUID.randomUUID(), "employee");
    JsonObject created = server.api.post(Profiles.BASE + "profile/create/").token(owner).json(Profiles.portland()).send().json();
    customerId = created.getString("id");
    assertNotNull(customerId, created::encode);
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 400, seed = SEED)
  void anyBodyTypeAndTokenOnAnyRouteIsAnsweredWithoutA5xxAndARefusalChangesNothing(
      @ForAll("routes") Route route, @ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body, @ForAll("callers") String token) {
    String before = snapshot();
    Answer answer = raw.exchange(route.method() + " " + route.path() + " HTTP/1.1", RawHttp.headerLines("127.0.0.1", contentType, token), body);
    Statistics.collect(answer.status());
    answer.assertSafeForClients();
    if (answer.status() >= 400) {
      assertEquals(before, snapshot(), () -> "a refused " + route + " changed the customer: " + answer);
    }
  }

  @Property(tries = 300, seed = SEED)
  void anyHostQueryAndHeaderOnTheListIsAnsweredWithoutA5xxAndLinksNeverNameTheHost(
      @ForAll("versions") String version, @ForAll("hosts") String host, @ForAll("listQueries") String query,
      @ForAll("listPaths") String path, @ForAll("otherHeaders") List<String> otherHeaders) {
    List<String> headers = new ArrayList<>(otherHeaders);
    headers.addAll(RawHttp.headerLines(host, null, staff));
    Answer answer = raw.exchange("GET " + path + (query.isEmpty() ? "" : "?" + query) + " " + version, headers, new byte[0]);
    Statistics.collect(answer.status());
    answer.assertSafeForClients();
    if (answer.status() == 200 && answer.body().startsWith("{\"count\"")) {
      JsonObject page = new JsonObject(answer.body());
      for (String link : new String[] {"next", "previous"}) {
        String url = page.getString(link);
        assertTrue(url == null || (url.startsWith("/") && !url.startsWith("//")), () -> link + " is not a relative link: " + url);
      }
    }
  }

  /** The target customer as staff see it; what no refused request may change. */
  private static String snapshot() {
    JsonObject customer = server.api.get(Profiles.BASE + customerId + "/").token(staff).send().json();
    return customer.encode();
  }

  @Provide
  Arbitrary<Route> routes() {
    String id = "{id}";
    List<Route> known = List.of(
        new Route("POST", "/api/v1/customers/profile/create/"), new Route("GET", "/api/v1/customers/profile/"),
        new Route("PATCH", "/api/v1/customers/profile/update/"), new Route("PUT", "/api/v1/customers/profile/update/"),
        new Route("POST", "/api/v1/customers/check_profile_exists/"), new Route("GET", "/api/v1/customers/profile/service_history/"),
        new Route("GET", "/api/v1/customers/"), new Route("GET", "/api/v1/customers/" + id + "/"),
        new Route("PATCH", "/api/v1/customers/" + id + "/"), new Route("PUT", "/api/v1/customers/" + id + "/"),
        new Route("POST", "/api/v1/customers/" + id + "/increment_service/"), new Route("GET", "/api/v1/customers/" + id + "/service_history/"),
        new Route("DELETE", "/api/v1/customers/" + UUID.randomUUID() + "/"),
        new Route("GET", "/health/ready"), new Route("POST", "/api/v1/nothing/"), new Route("OPTIONS", "/api/v1/customers/"));
    return Arbitraries.of(known).map(route -> new Route(route.method(), route.path().replace(id, customerId)));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return HostileInputs.contentTypes();
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    List<String> fields = Stream.concat(Arrays.stream(CustomerField.values()).map(CustomerField::json),
        Stream.of("service_type", "service_date", "reference", "idempotency_key", "customer_id", "recorded_by", "email", "token")).toList();
    return HostileInputs.body(fields);
  }

  @Provide
  Arbitrary<String> callers() {
    return Arbitraries.oneOf(Arbitraries.of(owner, staff), HostileInputs.tokens(Tokens.SECRET));
  }

  @Provide
  Arbitrary<String> versions() {
    return Arbitraries.of("HTTP/1.1", "HTTP/1.0");
  }

  @Provide
  Arbitrary<String> hosts() {
    return HostileInputs.hosts();
  }

  @Provide
  Arbitrary<String> listQueries() {
    return HostileInputs.queryStrings(List.of("page", "page_size", "city", "state", "country", "is_verified", "is_business_customer",
        "search", "ordering"));
  }

  @Provide
  Arbitrary<String> listPaths() {
    return Arbitraries.of("/api/v1/customers/", "//api/v1/customers/", "/api/v1/./customers/", "/api/v1/customers/" + customerId + "/service_history/",
        "/api/v1/customers/%2e%2e/", "/api/v1/customers/..%2f..%2f/", "/api/v1/customers/\u00e9/", "/%00/", "/api/v1/customers/x/service_history/");
  }

  @Provide
  Arbitrary<List<String>> otherHeaders() {
    Arbitrary<String> name = Arbitraries.of("X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Request-Id", "Accept", "Accept-Encoding",
        "If-None-Match", "If-Match", "Idempotency-Key", "Content-Type", "Cookie", "Origin");
    return net.jqwik.api.Combinators.combine(name, HostileInputs.text(60).map(HostileInputs::headerSafe))
        .as((n, v) -> n + ": " + v).list().ofMaxSize(4);
  }
}
