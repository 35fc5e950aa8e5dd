package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's registration and profile flow for a customer, over real HTTP. */
class SelfServiceApiTest {

  @RegisterExtension
  static final ApiServer.PerClass SERVER = new ApiServer.PerClass();

  private static final String CREATE = Profiles.BASE + "profile/create/";
  private static final String PROFILE = Profiles.BASE + "profile/";
  private static final String UPDATE = Profiles.BASE + "profile/update/";
  private static final String DELETE = Profiles.BASE + "profile/delete/";
  private static final String EXISTS = Profiles.BASE + "check_profile_exists/";


  private static String newCustomer() {
    return Tokens.access(UUID.randomUUID(), "customer");
  }

  private static Reply create(String token) {
    return SERVER.api().post(CREATE).token(token).json(Profiles.portland()).send();
  }

  @Test
  void createAnswers201WithTheProfileAndTheTokensUserData() {
    UUID userId = UUID.randomUUID();
    String token = Tokens.access(userId, "customer");

    Reply reply = create(token);

    assertEquals(201, reply.status(), reply.toString());
    JsonObject body = reply.json();
    assertEquals(userId.toString(), body.getString("user_id"));
    assertEquals("Portland", body.getString("city"));
    assertEquals("Oregon", body.getString("state"));
    assertFalse(body.getBoolean("is_business_customer"));
    assertEquals("Test", body.getString("first_name"), "the user's data at the top level, as CustomerWithUserDataSerializer gives it");
    assertEquals("User", body.getString("last_name"));
    assertTrue(body.getString("email").endsWith("@example.com"));
    assertTrue(body.containsKey("phone_number"));
    assertFalse(body.containsKey("user"), "no nested copy");
    for (String blank : List.of("company_name", "business_type", "tax_id", "emergency_contact_name", "emergency_contact_phone", "emergency_contact_relationship")) {
      assertEquals("", body.getValue(blank), blank + " is \"\" when empty, as Django's CharField(blank=True)");
    }
    assertEquals("\"v1\"", reply.header("ETag"));
    assertEquals(Profiles.BASE + body.getString("id") + "/", reply.header("Location"));
    assertEquals("application/json", reply.header("Content-Type"));
  }

  @Test
  void aSecondCreateIsAConflict() {
    String token = newCustomer();
    create(token);
    Reply again = create(token);
    assertEquals(409, again.status());
    assertEquals("A customer profile already exists for this user.", again.json().getString("detail"));
  }

  @Test
  void theUserIdAlwaysComesFromTheToken() {
    Reply reply = SERVER.api().post(CREATE).token(newCustomer()).json(Profiles.portland().put("user_id", UUID.randomUUID().toString())).send();
    assertEquals(400, reply.status());
    assertEquals(List.of("This field is read-only."), reply.json().getJsonArray("user_id").getList());
  }

  @Test
  void getReturnsTheOwnProfileWithAnETag() {
    String token = newCustomer();
    JsonObject created = create(token).json();
    Reply reply = SERVER.api().get(PROFILE).token(token).send();
    assertEquals(200, reply.status());
    assertEquals(created, reply.json());
    assertEquals("\"v1\"", reply.header("ETag"));
  }

  @Test
  void getWithoutAProfileIsNotFound() {
    Reply reply = SERVER.api().get(PROFILE).token(newCustomer()).send();
    assertEquals(404, reply.status());
    assertNotNull(reply.json().getString("detail"));
  }

  @Test
  void pathsWorkWithAndWithoutTheTrailingSlash() {
    String token = newCustomer();
    assertEquals(201, SERVER.api().post(CREATE.substring(0, CREATE.length() - 1)).token(token).json(Profiles.portland()).send().status());
    assertEquals(200, SERVER.api().get(PROFILE.substring(0, PROFILE.length() - 1)).token(token).send().status());
    assertEquals(200, SERVER.api().get(Profiles.BASE.substring(0, Profiles.BASE.length() - 1))
        .token(Tokens.access(UUID.randomUUID(), "admin")).send().status());
  }

  @Test
  void patchChangesTheGivenFieldsAndPutNeedsTheRequiredOnes() {
    String token = newCustomer();
    create(token);

    Reply patched = SERVER.api().patch(UPDATE).token(token).json(new JsonObject()
        .put("company_name", "Acme Plumbing").put("preferred_contact_method", "sms")
        .put("notification_preferences", new JsonObject().put("reminders", true))).send();
    assertEquals(200, patched.status(), patched.toString());
    assertTrue(patched.json().getBoolean("is_business_customer"));
    assertEquals("sms", patched.json().getString("preferred_contact_method"));
    assertEquals("Portland", patched.json().getString("city"));
    assertEquals("\"v2\"", patched.header("ETag"));

    Reply incomplete = SERVER.api().put(UPDATE).token(token).json(new JsonObject().put("city", "Salem")).send();
    assertEquals(400, incomplete.status());
    assertEquals(List.of("This field is required."), incomplete.json().getJsonArray("street_address").getList());

    Reply replaced = SERVER.api().put(UPDATE).token(token).json(Profiles.portland().put("city", "Salem")).send();
    assertEquals(200, replaced.status());
    assertEquals("Salem", replaced.json().getString("city"));
    assertEquals("Acme Plumbing", replaced.json().getString("company_name"), "PUT keeps fields it does not name, as DRF does");
  }

  @Test
  void customersCannotWriteStaffOrServerFields() {
    String token = newCustomer();
    create(token);
    Reply reply = SERVER.api().patch(UPDATE).token(token).json(new JsonObject()
        .put("is_verified", true).put("total_services", 10).put("customer_since", "2020-01-01T00:00:00Z")).send();
    assertEquals(400, reply.status());
    for (String field : List.of("is_verified", "total_services", "customer_since")) {
      assertEquals(List.of("This field is read-only."), reply.json().getJsonArray(field).getList(), field);
    }
    JsonObject now = SERVER.api().get(PROFILE).token(token).send().json();
    assertFalse(now.getBoolean("is_verified"));
    assertEquals(1, now.getInteger("version"));
  }

  @Test
  void ifMatchGuardsUpdatesAndDeletes() {
    String token = newCustomer();
    create(token);
    assertEquals(200, SERVER.api().patch(UPDATE).token(token).header("If-Match", "\"v1\"").json(new JsonObject().put("city", "Salem")).send().status());

    Reply stale = SERVER.api().patch(UPDATE).token(token).header("If-Match", "\"v1\"").json(new JsonObject().put("city", "Eugene")).send();
    assertEquals(412, stale.status());
    assertTrue(stale.json().getString("detail").contains("\"v2\""), stale.toString());
    assertEquals(412, SERVER.api().patch(UPDATE).token(token).header("If-Match", "garbage").json(new JsonObject().put("city", "Eugene")).send().status());
    assertEquals(412, SERVER.api().delete(DELETE).token(token).header("If-Match", "\"v1\"").send().status());
    assertEquals("Salem", SERVER.api().get(PROFILE).token(token).send().json().getString("city"));
    assertEquals(200, SERVER.api().patch(UPDATE).token(token).header("If-Match", "*").json(new JsonObject().put("city", "Bend")).send().status());
  }

  @Test
  void concurrentPatchesWithTheSameIfMatchLetExactlyOneWin() throws Exception {
    String token = newCustomer();
    create(token);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<Integer>> patches = IntStream.range(0, 10).<Callable<Integer>>mapToObj(i -> () ->
          SERVER.api().patch(UPDATE).token(token).header("If-Match", "\"v1\"").json(new JsonObject().put("city", "City" + i)).send().status())
          .toList();
      List<Integer> statuses = pool.invokeAll(patches).stream().map(CustomerFutures::get).toList();
      assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
      assertEquals(9, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, SERVER.api().get(PROFILE).token(token).send().json().getInteger("version"));
  }

  @Test
  void concurrentReadsEachSeeTheirOwnProfile() throws Exception {
    List<UUID> users = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
    List<UUID> withProfile = users.subList(0, 30);
    withProfile.forEach(user -> assertEquals(201, SERVER.api().post(CREATE).token(Tokens.access(user, "customer"))
        .json(Profiles.portland().put("city", "City of " + user)).send().status()));
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    try {
      List<Callable<Reply>> reads = users.stream()
          .<Callable<Reply>>map(user -> () -> SERVER.api().get(PROFILE).token(Tokens.access(user, "customer")).send()).toList();
      for (int round = 0; round < 5; round++) {
        List<Reply> replies = pool.invokeAll(reads).stream().map(CustomerFutures::get).toList();
        for (int i = 0; i < users.size(); i++) {
          Reply reply = replies.get(i);
          if (i < withProfile.size()) {
            assertEquals(200, reply.status(), reply.toString());
            assertEquals(users.get(i).toString(), reply.json().getString("user_id"));
            assertEquals("City of " + users.get(i), reply.json().getString("city"));
            assertEquals("user-" + users.get(i).toString().substring(0, 8) + "@example.com", reply.json().getString("email"));
          } else {
            assertEquals(404, reply.status(), reply.toString());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteRemovesTheProfileOnlyAndAnswers204() {
    String token = newCustomer();
    create(token);
    Reply deleted = SERVER.api().delete(DELETE).token(token).send();
    assertEquals(204, deleted.status());
    assertEquals("", deleted.text());
    assertEquals(404, SERVER.api().get(PROFILE).token(token).send().status());
    assertEquals(404, SERVER.api().delete(DELETE).token(token).send().status());
    assertEquals(201, create(token).status(), "the user still exists and may create a new profile");
  }

  @Test
  void checkProfileExistsAnswersForTheTokensUser() {
    String token = newCustomer();
    assertEquals(new JsonObject().put("exists", false).putNull("customer_id"), SERVER.api().post(EXISTS).token(token).send().json());
    String id = create(token).json().getString("id");
    assertEquals(new JsonObject().put("exists", true).put("customer_id", id), SERVER.api().post(EXISTS).token(token).send().json());
    assertEquals(403, SERVER.api().post(EXISTS).token(token).json(new JsonObject().put("user_id", UUID.randomUUID().toString())).send().status(),
        "a customer asks only about themselves");
  }

  /** Unwraps executor futures in a stream. */
  private static final class CustomerFutures {
    static <T> T get(Future<T> future) {
      try {
        return future.get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }
}
