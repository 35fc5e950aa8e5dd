package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.authproxy.AuthProxySettings;
import io.customerservice.contract.Addresses;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.FakeAuthService;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Customer responses carry the authentication service's user data when it can be had, and say so when not. */
class UserDataApiTest {

  private final FakeAuthService upstream = new FakeAuthService();

  @AfterEach
  void stop() {
    upstream.close();
  }

  private ApiServer start(JsonObject overrides) {
    return ApiServer.start(new JsonObject().put(AuthProxySettings.AUTH_SERVICE_URL, upstream.url())
        .put(AuthProxySettings.AUTH_SERVICE_TIMEOUT_MS, 300).put(AuthProxySettings.AUTH_SERVICE_BREAKER_TIMEOUT_MS, 500).mergeIn(overrides));
  }

  private static JsonObject create(ApiServer server, String token) {
    Reply created = server.api.post(Profiles.BASE + "profile/create/").token(token).json(Profiles.portland()).send();
    assertEquals(201, created.status(), created.toString());
    return created.json();
  }

  @Test
  void theProfileCarriesTheCompleteUserDataWhenTheServiceAnswers() {
    try (ApiServer server = start(new JsonObject())) {
      UUID user = UUID.randomUUID();
      upstream.addUser(user.toString(), "ada@example.com", "+15551234567");
      String token = Tokens.access(user, "customer");
      create(server, token);

      JsonObject profile = server.api.get(Profiles.BASE + "profile/").token(token).send().json();
      assertTrue(profile.getBoolean("user_data_complete"));
      assertEquals("+15551234567", profile.getString("phone_number"));
      assertEquals("ada@example.com", profile.getString("email"));
      assertEquals("Bearer " + token, upstream.lastAuthorization(), "the caller's token is forwarded");
    }
  }

  @Test
  void concurrentReadersEachGetTheirOwnUserDataLookedUpWithTheirOwnToken() throws Exception {
    // Every lookup a miss, so that each read's user goes upstream, batched with the others.
    try (ApiServer server = start(new JsonObject().put(AuthProxySettings.AUTH_PROXY_CACHE_TTL_MS, 1))) {
      List<UUID> users = IntStream.range(0, 24).mapToObj(i -> UUID.randomUUID()).toList();
      Map<UUID, String> tokens = new HashMap<>();
      for (int i = 0; i < users.size(); i++) {
        UUID user = users.get(i);
        tokens.put(user, Tokens.access(user, "customer"));
        upstream.addUser(user.toString(), user + "@example.com", "+1555000" + String.format("%04d", i));
        create(server, tokens.get(user));
      }
      Thread.sleep(5);
      int before = upstream.authorizations().size();
      ExecutorService pool = Executors.newFixedThreadPool(users.size());
      try {
        List<Callable<Reply>> reads = users.stream()
            .<Callable<Reply>>map(user -> () -> server.api.get(Profiles.BASE + "profile/").token(tokens.get(user)).send()).toList();
        List<Future<Reply>> replies = pool.invokeAll(reads);
        for (int i = 0; i < users.size(); i++) {
          JsonObject profile = replies.get(i).get().json();
          assertEquals(users.get(i) + "@example.com", profile.getString("email"));
          assertTrue(profile.getBoolean("user_data_complete"));
        }
      } finally {
        pool.shutdownNow();
      }
      List<String> sent = upstream.authorizations();
      Set<String> expected = users.stream().map(user -> "Bearer " + tokens.get(user)).collect(Collectors.toSet());
      assertEquals(expected, Set.copyOf(sent.subList(before, sent.size())), "each user looked up with their own token");
    }
  }

  @Test
  void withoutTheServiceTheProfileStillAnswersWithTheTokensDataMarkedPartial() {
    try (ApiServer server = start(new JsonObject())) {
      upstream.stop();
      UUID user = UUID.randomUUID();
      String token = Tokens.access(user, "customer");
      create(server, token);
      for (int i = 0; i < 8; i++) {
        Reply reply = server.api.get(Profiles.BASE + "profile/").token(token).send();
        assertEquals(200, reply.status(), "never a 5xx: " + reply);
        assertFalse(reply.json().getBoolean("user_data_complete"));
        assertEquals("Test", reply.json().getString("first_name"));
        assertNull(reply.json().getString("phone_number"));
      }
      Reply ready = server.api.get("/health/ready").send();
      assertEquals(200, ready.status(), "the API still serves");
      assertEquals("breaker OPEN", ready.json().getJsonObject("checks").getString("auth-service"));
    }
  }

  @Test
  void aStaffListPageFetchesItsUsersInOneRequest() {
    try (ApiServer server = start(new JsonObject())) {
      for (int i = 0; i < 5; i++) {
        UUID user = UUID.randomUUID();
        upstream.addUser(user.toString(), "user" + i + "@example.com", "+1555000000" + i);
        create(server, Tokens.access(user, "customer"));
      }
      Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
      server.vertx.eventBus().addOutboundInterceptor(delivery -> {
        sent.computeIfAbsent(delivery.message().address(), a -> new AtomicInteger()).incrementAndGet();
        delivery.next();
      });

      JsonObject page = server.api.get(Profiles.BASE + "?page_size=10").token(Tokens.access(UUID.randomUUID(), "admin")).send().json();

      assertEquals(5, page.getJsonArray("results").size());
      page.getJsonArray("results").forEach(row -> {
        assertTrue(((JsonObject) row).getBoolean("user_data_complete"));
        assertTrue(((JsonObject) row).getString("phone_number").startsWith("+1555"));
      });
      assertEquals(1, sent.get(Addresses.AUTH_USERS_GET_MANY).get());
      assertNull(sent.get(Addresses.AUTH_USERS_GET), "no lookup per row");
    }
  }

  @Test
  void remoteValidationAcceptsWhatTheServiceAcceptsAndRefusesTheRest() {
    try (ApiServer server = start(new JsonObject().put(HttpSettings.AUTH_VALIDATION, "remote").put(JwtSettings.JWT_SECRET, ""))) {
      UUID user = UUID.randomUUID();
      String accepted = Tokens.access(user, "customer");
      upstream.acceptToken(accepted);
      assertEquals(404, server.api.get(Profiles.BASE + "profile/").token(accepted).send().status(), "authenticated; no profile yet");
      assertEquals(201, server.api.post(Profiles.BASE + "profile/create/").token(accepted).json(Profiles.portland()).send().status());

      Reply refused = server.api.get(Profiles.BASE + "profile/").token(Tokens.access(user, "customer")).send();
      assertEquals(401, refused.status());
      assertEquals("Given token not valid for any token type", refused.json().getString("detail"));

      upstream.stop();
      Reply unknownWhileDown = server.api.get(Profiles.BASE + "profile/").token(Tokens.access(UUID.randomUUID(), "customer")).send();
      assertEquals(503, unknownWhileDown.status(), "cannot tell valid from invalid: unavailable, not 401: " + unknownWhileDown);
      assertEquals(200, server.api.get(Profiles.BASE + "profile/").token(accepted).send().status(), "a cached yes holds until expiry");
    }
  }
}
