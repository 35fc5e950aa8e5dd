package io.customerservice.authproxy;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.Eventually;
import io.customerservice.testkit.FakeAuthService;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.Tokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auth proxy against a real HTTP server standing in for the authentication service. */
class AuthProxyTest {

  private final FakeAuthService upstream = new FakeAuthService();
  private final Vertx vertx = Vertx.vertx();
  private final Bus bus = new Bus(vertx);

  @AfterEach
  void stop() {
    Bus.await(vertx.close());
    upstream.close();
  }

  private void deploy(JsonObject overrides) {
    // The timeout leaves a fresh client's first call (connection, class loading) on a busy
    // 2-core machine ample time: 200 ms was once too short for it.
    JsonObject config = TestConfig.defaults().put(AuthProxySettings.AUTH_SERVICE_URL, upstream.url())
        .put(AuthProxySettings.AUTH_SERVICE_TIMEOUT_MS, 1000)
        .put(AuthProxySettings.AUTH_SERVICE_BREAKER_TIMEOUT_MS, 1500)
        .put(AuthProxySettings.AUTH_SERVICE_BREAKER_MAX_FAILURES, 3)
        .put(AuthProxySettings.AUTH_SERVICE_BREAKER_RESET_TIMEOUT_MS, 500)
        .mergeIn(overrides);
    Bus.await(vertx.deployVerticle(AuthProxyVerticle.class, new DeploymentOptions().setConfig(config)));
  }

  private String knownUser() {
    String id = UUID.randomUUID().toString();
    upstream.addUser(id, "ada@example.com", "+15551234567");
    return id;
  }

  private JsonObject get(String id) {
    return bus.request(AUTH_USERS_GET, new JsonObject().put("user_id", id));
  }

  @Test
  void aCachedUserIsServedWithoutAnotherCall() {
    deploy(new JsonObject());
    String id = knownUser();
    JsonObject first = get(id);
    assertEquals("+15551234567", first.getJsonObject("user").getString("phone_number"));
    assertFalse(first.getBoolean("stale"));
    assertEquals(List.of("id", "email", "first_name", "last_name", "phone_number", "user_role"),
        List.copyOf(first.getJsonObject("user").fieldNames()), "exactly the user fields, nothing else of the service's");

    int rounds = 2000;
    for (int i = 0; i < rounds; i++) {
      get(id);
    }
    assertEquals(1, upstream.userCalls());
  }

  @Test
  void anExpiredEntryIsFetchedAgain() {
    int ttlMs = 150;
    deploy(new JsonObject().put(AuthProxySettings.AUTH_PROXY_CACHE_TTL_MS, ttlMs));
    String id = knownUser();
    assertCachedUntilExpired(() -> get(id), ttlMs);
  }

  @Test
  void aUserChangedEventEvictsAtOnce() {
    // Entries outlive the test, so only the eviction can make the proxy ask the service again.
    deploy(new JsonObject().put(AuthProxySettings.AUTH_PROXY_CACHE_TTL_MS, 600_000));
    String id = knownUser();
    get(id);
    upstream.addUser(id, "new@example.com", "+15550000000");
    vertx.eventBus().publish(AUTH_EVENTS_USER_CHANGED, AuthMessages.userChanged(UUID.fromString(id)));
    // A publication is delivered asynchronously: the reads until it arrives are cache hits.
    Eventually.await("the user-changed event evicted the cached copy",
        () -> get(id).getJsonObject("user").getString("email").equals("new@example.com"));
    assertEquals(2, upstream.userCalls(), "one call before the event, one after it");
  }

  @Test
  void twentyConcurrentMissesMakeOneCall() {
    deploy(new JsonObject());
    upstream.delay(50);
    String id = knownUser();
    List<Future<JsonObject>> gets = IntStream.range(0, 20)
        .mapToObj(i -> bus.send(AUTH_USERS_GET, new JsonObject().put("user_id", id))).toList();
    Bus.await(Future.all(gets));
    assertEquals(1, upstream.userCalls());
  }

  @Test
  void noSuchUserIsCachedBriefly() {
    int notFoundTtlMs = 200;
    deploy(new JsonObject().put(AuthProxySettings.AUTH_PROXY_CACHE_NOT_FOUND_TTL_MS, notFoundTtlMs));
    JsonObject unknown = new JsonObject().put("user_id", UUID.randomUUID().toString());
    assertCachedUntilExpired(() -> assertEquals(FailureCode.NOT_FOUND, bus.failure(AUTH_USERS_GET, unknown).code()), notFoundTtlMs);
  }

  @Test
  void aSlowServiceOpensTheBreakerAndThenCallsFailFastOrServeStale() {
    // The breaker stays open for the whole test: the timed fail-fast rounds must not reach a half-open probe.
    deploy(new JsonObject().put(AuthProxySettings.AUTH_PROXY_CACHE_TTL_MS, 50).put(AuthProxySettings.AUTH_SERVICE_BREAKER_RESET_TIMEOUT_MS, 60_000));
    String cached = knownUser();
    get(cached);
    upstream.delay(3000);
    for (int i = 0; i < 3; i++) {
      assertEquals(FailureCode.UNAVAILABLE, bus.failure(AUTH_USERS_GET, new JsonObject().put("user_id", knownUser())).code());
    }
    assertEquals("OPEN", breakerState());
    int callsWhenOpened = upstream.userCalls();

    assertFailsFast(knownUser());
    JsonObject stale = get(cached);
    assertTrue(stale.getBoolean("stale"), "the last known copy, marked stale");
    assertEquals("ada@example.com", stale.getJsonObject("user").getString("email"));
    JsonObject many = bus.request(AUTH_USERS_GET_MANY, AuthMessages.getUsers(List.of(UUID.fromString(cached)), null));
    assertEquals(List.of(cached), many.getJsonArray("stale_ids").getList(), "a get-many names the users it served stale");
    assertFalse(many.getBoolean("complete"));
    assertEquals(callsWhenOpened, upstream.userCalls(), "an open breaker sends nothing upstream");
  }

  @Test
  void serverErrorsOpenTheBreakerAndItClosesWhenTheServiceRecovers() {
    deploy(new JsonObject());
    upstream.failWith(500);
    for (int i = 0; i < 3; i++) {
      assertEquals(FailureCode.UNAVAILABLE, bus.failure(AUTH_USERS_GET, new JsonObject().put("user_id", knownUser())).code());
    }
    assertEquals("OPEN", breakerState());
    upstream.failWith(0);
    awaitHalfOpen();
    assertEquals("ada@example.com", get(knownUser()).getJsonObject("user").getString("email"), "the half-open probe succeeds");
    assertEquals("CLOSED", breakerState());
  }

  @Test
  void aServiceThatIsDownOpensTheBreakerAndItClosesWhenItIsBack() {
    deploy(new JsonObject());
    upstream.stop();
    for (int i = 0; i < 3; i++) {
      assertEquals(FailureCode.UNAVAILABLE, bus.failure(AUTH_USERS_GET, new JsonObject().put("user_id", UUID.randomUUID().toString())).code());
    }
    assertFailsFast(UUID.randomUUID().toString());
    upstream.start();
    awaitHalfOpen();
    assertEquals("+15551234567", get(knownUser()).getJsonObject("user").getString("phone_number"), "the half-open probe succeeds");
    assertEquals("CLOSED", breakerState());
  }

  @Test
  void aRefusalFromTheServiceIsAnAnswerNotAFailure() {
    deploy(new JsonObject());
    upstream.failWith(403);
    for (int i = 0; i < 5; i++) {
      assertEquals(FailureCode.FORBIDDEN, bus.failure(AUTH_USERS_GET, new JsonObject().put("user_id", knownUser())).code());
    }
    assertEquals("CLOSED", breakerState());
  }

  @Test
  void theCallersTokenIsForwardedOrAServiceTokenSent() {
    deploy(new JsonObject());
    bus.request(AUTH_USERS_GET, AuthMessages.getUser(UUID.fromString(knownUser()), "caller-token"));
    assertEquals("Bearer caller-token", upstream.lastAuthorization());
  }

  @Test
  void aServiceCredentialReplacesTheCallersToken() {
    deploy(new JsonObject().put(AuthProxySettings.AUTH_SERVICE_CREDENTIAL, "service").put(AuthProxySettings.AUTH_SERVICE_SERVICE_TOKEN, "svc-token"));
    bus.request(AUTH_USERS_GET, AuthMessages.getUser(UUID.fromString(knownUser()), "caller-token"));
    assertEquals("Bearer svc-token", upstream.lastAuthorization());
  }

  @Test
  void manyUsersInOneRequestSayWhetherTheDataIsComplete() {
    deploy(new JsonObject());
    UUID a = UUID.fromString(knownUser());
    UUID b = UUID.fromString(knownUser());
    JsonObject all = bus.request(AUTH_USERS_GET_MANY, AuthMessages.getUsers(List.of(a, b, a), null));
    assertTrue(all.getBoolean("complete"));
    assertTrue(all.getJsonArray("stale_ids").isEmpty());
    assertEquals(2, all.getJsonObject("users").size());
    JsonObject partial = bus.request(AUTH_USERS_GET_MANY, AuthMessages.getUsers(List.of(a, UUID.randomUUID()), null));
    assertFalse(partial.getBoolean("complete"));
    assertEquals(1, partial.getJsonObject("users").size());
    assertEquals(3, upstream.userCalls());
  }

  @Test
  void manyUsersInOneRequestAreEachLookedUpWithTheirOwnCallersToken() {
    deploy(new JsonObject());
    String a = knownUser();
    String b = knownUser();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(a, "token-of-a");
    tokens.put(b, "token-of-b");
    JsonObject many = bus.request(AUTH_USERS_GET_MANY, AuthMessages.getUsers(tokens));
    assertEquals(Set.of(a, b), many.getJsonObject("users").fieldNames());
    assertEquals(Set.of("Bearer token-of-a", "Bearer token-of-b"), Set.copyOf(upstream.authorizations()));

    ServiceFailure notTokens = bus.failure(AUTH_USERS_GET_MANY,
        new JsonObject().put("ids", new JsonArray().add(a)).put("tokens", new JsonObject().put(a, 42)));
    assertEquals(FailureCode.INVALID, notTokens.code());
    assertTrue(notTokens.fieldErrors().containsKey("tokens"));
  }

  @Test
  void remoteValidationAcceptsWhatTheServiceAcceptsAndCachesIt() {
    deploy(new JsonObject());
    UUID user = UUID.randomUUID();
    JsonObject claims = Tokens.claims(user, "customer");
    String token = Tokens.sign(claims);
    upstream.acceptToken(token);

    JsonObject valid = bus.request(AUTH_TOKENS_VALIDATE, AuthMessages.validate(token));
    assertTrue(valid.getBoolean("valid"));
    assertEquals(user.toString(), valid.getJsonObject("claims").getString("user_id"));
    bus.request(AUTH_TOKENS_VALIDATE, AuthMessages.validate(token));
    assertEquals(1, upstream.verifyCalls(), "cached until the token expires");

    String forgedSameJti = Tokens.sign(claims.copy().put("user_role", "admin"), "another-secret-of-sufficient-length!!");
    assertFalse(bus.request(AUTH_TOKENS_VALIDATE, AuthMessages.validate(forgedSameJti)).getBoolean("valid"));
    assertEquals(2, upstream.verifyCalls(), "a different token never hits another token's cached answer");
    assertFalse(bus.request(AUTH_TOKENS_VALIDATE, AuthMessages.validate("not.a.jwt")).getBoolean("valid"));
  }

  private String breakerState() {
    return bus.request(AUTH_PROXY_STATUS, new JsonObject()).getString("breaker");
  }

  /**
   * Waits for the open breaker's reset timeout to let a probe through, watching its state rather
   * than sleeping past the timeout: the status read sends nothing upstream, so the next lookup is
   * the probe.
   */
  private void awaitHalfOpen() {
    Eventually.await("the breaker half-open once its reset timeout passed", () -> breakerState().equals("HALF_OPEN"));
  }

  /**
   * {@code lookup} asks the service once, then is answered from the cache until the entry's
   * {@code ttlMs} are up, then asks the service again. The lookup is repeated until it does, which
   * must come no sooner than {@code ttlMs} after the first was sent: the entry was written after
   * that, so it cannot expire earlier.
   */
  private void assertCachedUntilExpired(Runnable lookup, int ttlMs) {
    // The client's first call also opens its connection; a slow first lookup would hide an early expiry.
    get(knownUser());
    int before = upstream.userCalls();
    long firstAsked = System.nanoTime();
    lookup.run();
    assertEquals(before + 1, upstream.userCalls(), "the first lookup asks the service");
    Eventually.await("the cached answer expired and the service was asked again", () -> {
      lookup.run();
      return upstream.userCalls() > before + 1;
    });
    long cachedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstAsked);
    assertTrue(cachedMs >= ttlMs, "asked again after " + cachedMs + " ms, before the entry's " + ttlMs + " ms were up");
    assertEquals(before + 2, upstream.userCalls(), "one call for the expired entry");
  }

  /**
   * With the breaker open, a lookup fails at once, without waiting for any timeout: thousands of
   * lookups chained one after another end within the time a few would take to time out.
   */
  private void assertFailsFast(String id) {
    assertEquals(FailureCode.UNAVAILABLE, bus.failure(AUTH_USERS_GET, new JsonObject().put("user_id", id)).code());
    int rounds = 2000;
    JsonObject request = new JsonObject().put("user_id", id);
    Bus.await(chain(request, rounds));
  }

  private Future<Void> chain(JsonObject request, int remaining) {
    if (remaining == 0) {
      return Future.succeededFuture();
    }
    return vertx.eventBus().request(AUTH_USERS_GET, request).transform(done -> chain(request, remaining - 1));
  }
}
