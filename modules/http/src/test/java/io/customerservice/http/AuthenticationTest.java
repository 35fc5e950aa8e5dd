package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's CustomerJWTAuthentication over real HTTP: who gets in, and what the others are told. */
class AuthenticationTest {

  @RegisterExtension
  static final ApiServer.PerClass SERVER = new ApiServer.PerClass();

  private static final String PROFILE = Profiles.BASE + "profile/";

  private static void assertUnauthenticated(Reply reply, String detail) {
    assertEquals(401, reply.status(), reply.toString());
    assertEquals(detail, reply.json().getString("detail"));
    assertEquals("Bearer realm=\"api\"", reply.header("WWW-Authenticate"));
  }

  @Test
  void aValidAccessTokenIsAccepted() {
    UUID user = UUID.randomUUID();
    Reply reply = SERVER.api().get(PROFILE).token(Tokens.access(user, "customer")).send();
    assertEquals(404, reply.status(), "authenticated, and this user has no profile yet: " + reply);
  }

  @Test
  void aMissingHeaderOrAnotherSchemeIsNotAuthenticated() {
    assertUnauthenticated(SERVER.api().get(PROFILE).send(), "Authentication credentials were not provided.");
    assertUnauthenticated(SERVER.api().get(PROFILE).header("Authorization", "Basic dXNlcjpwYXNz").send(),
        "Authentication credentials were not provided.");
  }

  @Test
  void theHeaderIsSplitOnAnyRunOfWhitespaceAsSimplejwtDoes() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    assertEquals(404, SERVER.api().get(PROFILE).header("Authorization", "Bearer\t" + token).send().status(), "a tab");
    assertEquals(404, SERVER.api().get(PROFILE).header("Authorization", "Bearer   " + token + "  ").send().status(), "runs of spaces");
  }

  @Test
  void aMalformedHeaderIsRefused() {
    assertUnauthenticated(SERVER.api().get(PROFILE).header("Authorization", "Bearer").send(),
        "Authorization header must contain two space-delimited values");
    assertUnauthenticated(SERVER.api().get(PROFILE).header("Authorization", "Bearer a b").send(),
        "Authorization header must contain two space-delimited values");
    assertUnauthenticated(SERVER.api().get(PROFILE).token("not-a-jwt").send(), "Given token not valid for any token type");
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() {
    String forged = Tokens.sign(Tokens.claims(UUID.randomUUID(), "admin"), "some-other-secret-of-reasonable-length!");
    assertUnauthenticated(SERVER.api().get(Profiles.BASE).token(forged).send(), "Given token not valid for any token type");
  }

  @Test
  void anUnsignedAlgNoneTokenIsRefused() {
    String none = Tokens.unsigned(Tokens.claims(UUID.randomUUID(), "admin"));
    assertUnauthenticated(SERVER.api().get(Profiles.BASE).token(none).send(), "Given token not valid for any token type");
  }

  @Test
  void anExpiredTokenIsRefused() {
    long past = Instant.now().getEpochSecond() - 3600;
    String expired = Tokens.sign(Tokens.claims(UUID.randomUUID(), "customer").put("iat", past - 300).put("exp", past));
    assertUnauthenticated(SERVER.api().get(PROFILE).token(expired).send(), "Given token not valid for any token type");
  }

  @Test
  void aTokenAcceptedBeforeIsRefusedOnceItExpires() throws InterruptedException {
    // Verified tokens are remembered until they expire; the memory must not outlive exp.
    long exp = Instant.now().getEpochSecond() + 2;
    String shortLived = Tokens.sign(Tokens.claims(UUID.randomUUID(), "customer").put("exp", exp));
    assertEquals(404, SERVER.api().get(PROFILE).token(shortLived).send().status(), "accepted while valid");
    assertEquals(404, SERVER.api().get(PROFILE).token(shortLived).send().status(), "accepted again, from memory");
    while (Instant.now().getEpochSecond() < exp) {
      Thread.sleep(100);
    }
    assertUnauthenticated(SERVER.api().get(PROFILE).token(shortLived).send(), "Given token not valid for any token type");
  }

  @Test
  void aRefreshTokenIsNotAnAccessToken() {
    String refresh = Tokens.sign(Tokens.claims(UUID.randomUUID(), "customer").put("token_type", "refresh"));
    assertUnauthenticated(SERVER.api().get(PROFILE).token(refresh).send(), "Given token not valid for any token type");
    String untyped = Tokens.sign(withoutKey(Tokens.claims(UUID.randomUUID(), "customer"), "token_type"));
    assertUnauthenticated(SERVER.api().get(PROFILE).token(untyped).send(), "Given token not valid for any token type");
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    String eternal = Tokens.sign(withoutKey(Tokens.claims(UUID.randomUUID(), "customer"), "exp"));
    assertUnauthenticated(SERVER.api().get(PROFILE).token(eternal).send(), "Given token not valid for any token type");
  }

  @Test
  void aUserIdThatIsNotAUuidIsRefused() {
    for (Object userId : new Object[] {"42", 42, "", "5d1c2a9e-8a53-4d1e-9a84"}) {
      String token = Tokens.sign(Tokens.claims(UUID.randomUUID(), "customer").put("user_id", userId));
      assertUnauthenticated(SERVER.api().get(PROFILE).token(token).send(), "Token contained no recognizable user identification");
    }
  }

  @Test
  void aRoleThatMayNotUseAnEndpointIsForbidden() {
    String customer = Tokens.access(UUID.randomUUID(), "customer");
    String employee = Tokens.access(UUID.randomUUID(), "employee");
    String stranger = Tokens.access(UUID.randomUUID(), "contractor");
    String noRole = Tokens.sign(withoutKey(Tokens.claims(UUID.randomUUID(), "customer"), "user_role"));

    Reply staffOnly = SERVER.api().get(Profiles.BASE).token(customer).send();
    assertEquals(403, staffOnly.status());
    assertEquals("You do not have permission to perform this action.", staffOnly.json().getString("detail"));
    assertEquals(403, SERVER.api().get(PROFILE).token(employee).send().status(), "self-service is for customers");
    assertEquals(403, SERVER.api().get(PROFILE).token(stranger).send().status());
    assertEquals(403, SERVER.api().get(Profiles.BASE).token(stranger).send().status());
    assertEquals(403, SERVER.api().get(PROFILE).token(noRole).send().status());
    assertEquals(200, SERVER.api().get(Profiles.BASE).token(employee).send().status());
    assertEquals(200, SERVER.api().get(Profiles.BASE).token(Tokens.access(UUID.randomUUID(), "admin")).send().status());
  }

  private static JsonObject withoutKey(JsonObject claims, String key) {
    claims.remove(key);
    return claims;
  }
}
