package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.Addresses;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.OpenApiDocument;
import io.customerservice.testkit.RawHttp;
import io.customerservice.testkit.Tokens;
import io.customerservice.web.ApiDocs;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi/customer-api.yaml, as the API serves it, against the API itself: every route is
 * an operation of the document and every operation a route, and every answer the document gives
 * (each operation's every status) is produced here by a real call and validated against its
 * schemas and headers, outages and timeouts included.
 */
class OpenApiContractTest {

  private static final String BASE = Profiles.BASE;
  private static final String CUSTOMER = Tokens.access(UUID.randomUUID(), "customer");
  private static final String STRANGER = Tokens.access(UUID.randomUUID(), "customer");
  private static final String STAFF = Tokens.access(UUID.randomUUID(), "employee");
  private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
  /** Store and history addresses the edge asks: answered by nobody (503), then by a consumer that never replies (504). */
  private static final List<String> DATA_ADDRESSES = List.of(Addresses.CUSTOMERS_PROFILE_CREATE, Addresses.CUSTOMERS_PROFILE_GET_MANY,
      Addresses.CUSTOMERS_PROFILE_EXISTS, Addresses.CUSTOMERS_PROFILE_UPDATE, Addresses.CUSTOMERS_PROFILE_REPLACE,
      Addresses.CUSTOMERS_PROFILE_DELETE, Addresses.CUSTOMERS_PROFILE_LIST, Addresses.HISTORY_SERVICE_RECORD,
      Addresses.HISTORY_SERVICE_LIST);

  private static ApiServer server;
  private static OpenApiDocument document;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    document = OpenApiDocument.servedBy(server.vertx, server.api);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRouteIsAnOperationOfTheDocumentAndEveryOperationIsRouted() {
    HttpVerticle verticle = new HttpVerticle();
    JsonObject config = server.config.copy().put(HttpSettings.HTTP_PORT, FreePort.find());
    Bus.await(server.vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
    document.assertRoutes(verticle.router(), ApiDocs.ASSETS_PATH);
  }

  @Test
  void everyExampleFitsItsSchemaAndEveryBodyHasOne() {
    document.assertExamplesMatchSchemas();
  }

  @Test
  void everyDocumentedAnswerIsProducedAndMatchesItsSchema() {
    HttpApi api = server.api;
    String id = ownProfile(api);
    staffOperations(api, id);
    serviceHistory(api, id);
    deletions(api, id);
    probesAndSchema(api);
    try (ApiServer alone = ApiServer.withoutStore(new JsonObject()
        .put(Settings.HTTP_REQUEST_TIMEOUT_MS, 500).put(Settings.HEALTH_READY_TIMEOUT_MS, 100)
        .put(Settings.EVENTBUS_REQUEST_TIMEOUT_MS, 20_000))) {
      everyDataOperation(alone.api, 503);
      assertEquals(503, send(alone.api.get("/health/ready")).status());
      DATA_ADDRESSES.forEach(address -> alone.vertx.eventBus().consumer(address, neverAnswered -> { }));
      everyDataOperation(alone.api, 504);
    }
    document.assertEveryAnswerSeen(Set.of());
  }

  /** Self-service: create, read, change; the refusals of each. Returns the customer's id. */
  private static String ownProfile(HttpApi api) {
    String create = BASE + "profile/create/";
    refusesCallersAndBodies(api, "POST", create, Profiles.portland());
    expect(400, api.post(create).token(CUSTOMER).json(new JsonObject().put("postal_code", "!").put("is_verified", true)));
    Reply created = expect(201, api.post(create).token(CUSTOMER).json(Profiles.portland()
        .put("notification_preferences", new JsonObject().put("reminders", true))));
    expect(409, api.post(create).token(CUSTOMER).json(Profiles.portland()));
    expect(400, api.post(create).token(CUSTOMER).body("[1]", "application/json"));

    String profile = BASE + "profile/";
    refusesCallers(api, "GET", profile);
    expect(200, api.get(profile + "?include=phone").token(CUSTOMER));
    expect(404, api.get(profile).token(STRANGER));

    for (String method : List.of("PATCH", "PUT")) {
      String update = BASE + "profile/update/";
      JsonObject body = method.equals("PATCH") ? new JsonObject().put("company_name", "Acme Plumbing") : Profiles.portland();
      refusesCallersAndBodies(api, method, update, body);
      String etag = expect(200, api.call(method, update).token(CUSTOMER).header("If-Match", etagOf(api)).json(body)).header("ETag");
      expect(412, api.call(method, update).token(CUSTOMER).header("If-Match", "\"v1\"").json(body));
      expect(412, api.call(method, update).token(CUSTOMER).header("If-Match", "yesterday").json(body));
      expect(400, api.call(method, update).token(CUSTOMER).json(new JsonObject().put("email", "x@example.com")));
      expect(404, api.call(method, update).token(STRANGER).json(body));
      assertNotEquals(etag, created.header("ETag"));
    }

    String exists = BASE + "check_profile_exists/";
    refusesBodies(api, "POST", exists);
    expect(401, api.post(exists));
    expect(200, api.post(exists).token(CUSTOMER));
    expect(200, api.post(exists).token(STAFF).json(new JsonObject().put("user_id", UNKNOWN_ID)));
    expect(403, api.post(exists).token(CUSTOMER).json(new JsonObject().put("user_id", UNKNOWN_ID)));
    expect(400, api.post(exists).token(CUSTOMER).json(new JsonObject().put("user_id", "someone")));
    return created.json().getString("id");
  }

  private static void staffOperations(HttpApi api, String id) {
    expect(200, api.get(BASE + "?page_size=1&ordering=city&search=test").token(STAFF));
    expect(200, api.get(BASE + "?page=last&is_business_customer=true").token(STAFF));
    expect(400, api.get(BASE + "?is_verified=maybe").token(STAFF));
    expectRaw(400, api, BASE + "?city=%zz", STAFF);
    expect(404, api.get(BASE + "?page=99").token(STAFF));
    expect(401, api.get(BASE));
    expect(403, api.get(BASE).token(CUSTOMER));

    String one = BASE + id + "/";
    expect(200, api.get(one).token(STAFF));
    expect(401, api.get(one));
    expect(403, api.get(one).token(CUSTOMER));
    expect(404, api.get(BASE + UNKNOWN_ID + "/").token(STAFF));
    expect(404, api.get(BASE + "not-a-uuid/").token(STAFF));
    for (String method : List.of("PATCH", "PUT")) {
      JsonObject body = method.equals("PATCH") ? new JsonObject().put("is_verified", true) : Profiles.portland().put("is_verified", true);
      expect(200, api.call(method, one).token(STAFF).json(body));
      expect(400, api.call(method, one).token(STAFF).json(new JsonObject().put("version", 7)));
      expect(401, api.call(method, one).json(body));
      expect(403, api.call(method, one).token(CUSTOMER).json(body));
      expect(404, api.call(method, BASE + UNKNOWN_ID + "/").token(STAFF).json(body));
      expect(412, api.call(method, one).token(STAFF).header("If-Match", "\"v1\"").json(body));
      expect(413, api.call(method, one).token(STAFF).json(oversized()));
      expect(415, api.call(method, one).token(STAFF).body("is_verified=true", "application/x-www-form-urlencoded"));
    }
  }

  private static void serviceHistory(HttpApi api, String id) {
    String increment = BASE + id + "/increment_service/";
    JsonObject job = new JsonObject().put("service_type", "plumbing").put("reference", "JOB-1001");
    expect(200, api.post(increment).token(STAFF).header("Idempotency-Key", "job-1001").json(job));
    Reply replayed = expect(200, api.post(increment).token(STAFF).header("Idempotency-Key", "job-1001").json(job));
    assertEquals("true", replayed.header("Idempotent-Replayed"));
    expect(200, api.post(increment).token(STAFF));
    expect(409, api.post(increment).token(STAFF).header("Idempotency-Key", "job-1001").json(job.copy().put("reference", "JOB-2")));
    expect(400, api.post(increment).token(STAFF).json(new JsonObject().put("service_date", "2999-01-01T00:00:00Z")));
    expect(401, api.post(increment));
    expect(403, api.post(increment).token(CUSTOMER));
    expect(404, api.post(BASE + UNKNOWN_ID + "/increment_service/").token(STAFF));
    expect(413, api.post(increment).token(STAFF).json(oversized()));
    expect(415, api.post(increment).token(STAFF).body("service_type=x", "text/plain"));

    for (String[] caller : new String[][] {{BASE + id + "/service_history/", STAFF}, {BASE + "profile/service_history/", CUSTOMER}}) {
      String list = caller[0];
      String allowed = caller[1];
      expect(200, api.get(list + "?page_size=1").token(allowed));
      expect(200, api.get(list + "?page=last&page_size=1").token(allowed));
      expectRaw(400, api, list + "?page=%zz", allowed);
      expect(404, api.get(list + "?page=0").token(allowed));
      expect(401, api.get(list));
      expect(403, api.get(list).token(allowed.equals(STAFF) ? CUSTOMER : STAFF));
    }
    expect(404, api.get(BASE + UNKNOWN_ID + "/service_history/").token(STAFF));
    expect(404, api.get(BASE + "profile/service_history/").token(STRANGER));
  }

  private static void deletions(HttpApi api, String id) {
    String staffPath = BASE + id + "/";
    expect(401, api.delete(staffPath));
    expect(403, api.delete(staffPath).token(CUSTOMER));
    expect(412, api.delete(staffPath).token(STAFF).header("If-Match", "\"v1\""));
    String own = BASE + "profile/delete/";
    refusesCallers(api, "DELETE", own);
    expect(412, api.delete(own).token(CUSTOMER).header("If-Match", "\"v1\""));
    expect(204, api.delete(own).token(CUSTOMER));
    expect(404, api.delete(own).token(CUSTOMER));
    expect(404, api.delete(staffPath).token(STAFF));
    String another = expect(201, api.post(BASE + "profile/create/").token(STRANGER).json(Profiles.portland())).json().getString("id");
    expect(204, api.delete(BASE + another + "/").token(STAFF));
  }

  private static void probesAndSchema(HttpApi api) {
    expect(200, api.get("/health/live"));
    expect(200, api.get("/health/ready"));
    Reply yaml = expect(200, api.get("/api/schema/"));
    assertEquals("application/vnd.oai.openapi", yaml.header("Content-Type"));
    assertTrue(yaml.text().startsWith("openapi: 3.1.0"), "the checked-in YAML, as it is");
    assertEquals("application/json", expect(200, api.get("/api/schema/").header("Accept", "application/json")).header("Content-Type"));
    assertEquals("application/yaml", expect(200, api.get("/api/schema").header("Accept", "application/yaml")).header("Content-Type"));
    expect(200, api.get("/api/schema/?format=json"));
    expect(404, api.get("/api/schema/?format=xml"));
    expect(406, api.get("/api/schema/").header("Accept", "text/html"));
    Reply page = expect(200, api.get("/api/docs/"));
    assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"), page.headers()::toString);
    assertEquals(200, api.get("/api/docs").send().status(), "the page without its trailing slash too");
    assertNull(api.get("/api/v1/customers/profile/").token(CUSTOMER).send().header("Content-Security-Policy"),
        "the API's own answers carry no page policy");
  }

  /** Every operation that asks the store or the history, with input valid up to that point, answers {@code status}. */
  private static void everyDataOperation(HttpApi api, int status) {
    String id = UNKNOWN_ID;
    JsonObject patch = new JsonObject().put("company_name", "Acme");
    List<HttpApi.Call> calls = List.of(
        api.post(BASE + "profile/create/").token(CUSTOMER).json(Profiles.portland()),
        api.get(BASE + "profile/").token(CUSTOMER),
        api.patch(BASE + "profile/update/").token(CUSTOMER).json(patch),
        api.put(BASE + "profile/update/").token(CUSTOMER).json(Profiles.portland()),
        api.delete(BASE + "profile/delete/").token(CUSTOMER),
        api.post(BASE + "check_profile_exists/").token(CUSTOMER),
        api.get(BASE + "profile/service_history/").token(CUSTOMER),
        api.get(BASE).token(STAFF),
        api.get(BASE + id + "/").token(STAFF),
        api.patch(BASE + id + "/").token(STAFF).json(patch),
        api.put(BASE + id + "/").token(STAFF).json(Profiles.portland()),
        api.delete(BASE + id + "/").token(STAFF),
        api.post(BASE + id + "/increment_service/").token(STAFF),
        api.get(BASE + id + "/service_history/").token(STAFF));
    calls.forEach(call -> expect(status, call));
  }

  /** 401 without a token, 403 for staff (every self-service route is for customers). */
  private static void refusesCallers(HttpApi api, String method, String path) {
    expect(401, api.call(method, path));
    expect(401, api.call(method, path).header("Authorization", "Bearer"));
    expect(401, api.call(method, path).token("not.a.token"));
    expect(403, api.call(method, path).token(STAFF));
  }

  private static void refusesCallersAndBodies(HttpApi api, String method, String path, JsonObject body) {
    expect(401, api.call(method, path).json(body));
    expect(403, api.call(method, path).token(STAFF).json(body));
    refusesBodies(api, method, path);
  }

  private static void refusesBodies(HttpApi api, String method, String path) {
    expect(413, api.call(method, path).token(CUSTOMER).json(oversized()));
    expect(415, api.call(method, path).token(CUSTOMER).body("a=b", "application/x-www-form-urlencoded"));
    expect(400, api.call(method, path).token(CUSTOMER).body("{not json", "application/json"));
  }

  private static String etagOf(HttpApi api) {
    return api.get(BASE + "profile/").token(CUSTOMER).send().header("ETag");
  }

  private static JsonObject oversized() {
    return new JsonObject().put("street_address", "x".repeat(70_000));
  }

  /** A GET the JDK's client will not send (a query string that does not decode), over a socket. */
  private static void expectRaw(int status, HttpApi api, String target, String token) {
    Reply reply = new RawHttp(api.port(), Duration.ofSeconds(15))
        .exchange("GET " + target + " HTTP/1.1", RawHttp.headerLines("localhost", null, token), new byte[0]).reply();
    document.check("GET", target, reply);
    assertEquals(status, reply.status(), () -> "GET " + target + ": " + reply);
  }

  private static Reply expect(int status, HttpApi.Call call) {
    Reply reply = send(call);
    assertEquals(status, reply.status(), () -> call.method() + " " + call.path() + ": " + reply);
    return reply;
  }

  private static Reply send(HttpApi.Call call) {
    return document.send(call);
  }
}
