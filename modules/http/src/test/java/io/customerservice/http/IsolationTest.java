package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer can never read or change another customer's profile, through any endpoint. */
class IsolationTest {

  private static ApiServer server;
  private static HttpApi api;
  private static String alice;
  private static String mallory;
  private static JsonObject aliceProfile;

  @BeforeAll
  static void start() {
    server = ApiServer.start();
    api = server.api;
    alice = Tokens.access(UUID.randomUUID(), "customer");
    mallory = Tokens.access(UUID.randomUUID(), "customer");
    aliceProfile = api.post(Profiles.BASE + "profile/create/").token(alice).json(Profiles.portland()).send().json();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void selfServiceEndpointsOnlyEverSeeTheTokensOwnProfile() {
    assertEquals(404, api.get(Profiles.BASE + "profile/").token(mallory).send().status());
    assertFalse(api.post(Profiles.BASE + "check_profile_exists/").token(mallory).send().json().getBoolean("exists"));
    assertEquals(404, api.patch(Profiles.BASE + "profile/update/").token(mallory).json(new JsonObject().put("city", "Hacked")).send().status());
    assertEquals(404, api.put(Profiles.BASE + "profile/update/").token(mallory).json(Profiles.portland().put("city", "Hacked")).send().status());
    assertEquals(404, api.delete(Profiles.BASE + "profile/delete/").token(mallory).send().status());
    assertEquals(aliceProfile, api.get(Profiles.BASE + "profile/").token(alice).send().json());
  }

  @Test
  void namingAnotherUserOrCustomerInTheBodyIsRefused() {
    JsonObject aliceIds = new JsonObject().put("id", aliceProfile.getString("id")).put("user_id", aliceProfile.getString("user_id"));
    Reply create = api.post(Profiles.BASE + "profile/create/").token(mallory).json(Profiles.portland().mergeIn(aliceIds)).send();
    assertEquals(400, create.status());
    Reply update = api.patch(Profiles.BASE + "profile/update/").token(mallory).json(aliceIds).send();
    assertEquals(400, update.status());
    assertEquals(aliceProfile, api.get(Profiles.BASE + "profile/").token(alice).send().json());
  }

  @Test
  void theIdAddressedEndpointsAreStaffOnly() {
    String path = Profiles.BASE + aliceProfile.getString("id") + "/";
    assertEquals(403, api.get(path).token(mallory).send().status());
    assertEquals(403, api.patch(path).token(mallory).json(new JsonObject().put("city", "Hacked")).send().status());
    assertEquals(403, api.put(path).token(mallory).json(Profiles.portland()).send().status());
    assertEquals(403, api.delete(path).token(mallory).send().status());
    assertEquals(403, api.get(Profiles.BASE).token(mallory).send().status());
    assertEquals(403, api.get(path).token(alice).send().status(), "not even for one's own id");
    assertEquals(aliceProfile, api.get(Profiles.BASE + "profile/").token(alice).send().json());
  }
}
