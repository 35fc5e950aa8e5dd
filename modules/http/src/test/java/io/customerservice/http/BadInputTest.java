package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed, oversized and ill-typed requests get a clear 4xx, change nothing and leak nothing. */
class BadInputTest {

  @RegisterExtension
  static final ApiServer.PerClass SERVER = new ApiServer.PerClass(new JsonObject().put(HttpSettings.HTTP_BODY_LIMIT_BYTES, 4096));

  private static final String CREATE = Profiles.BASE + "profile/create/";
  private static final String PROFILE = Profiles.BASE + "profile/";

  private static void assertNothingCreated(String token) {
    assertEquals(404, SERVER.api().get(PROFILE).token(token).send().status());
  }

  private static void assertNoInternals(Reply reply) {
    assertFalse(reply.text().contains("Exception"), reply.text());
    assertFalse(reply.text().contains("io.vertx"), reply.text());
    assertFalse(reply.text().contains("at io."), reply.text());
  }

  @Test
  void malformedJsonIsA400() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    Reply reply = SERVER.api().post(CREATE).token(token).body("{\"city\": \"Portland\",", "application/json").send();
    assertEquals(400, reply.status());
    assertTrue(reply.json().getString("detail").startsWith("JSON parse error"));
    assertNoInternals(reply);
    assertNothingCreated(token);
  }

  @Test
  void aBodyThatIsNotAnObjectIsA400() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    Reply reply = SERVER.api().post(CREATE).token(token).body("[1, 2]", "application/json").send();
    assertEquals(400, reply.status());
    assertEquals(List.of("Invalid data. Expected a dictionary, but got list."), reply.json().getJsonArray("non_field_errors").getList());
    assertNothingCreated(token);
  }

  @Test
  void anotherContentTypeIsA415() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    Reply reply = SERVER.api().post(CREATE).token(token).body("city=Portland", "application/x-www-form-urlencoded").send();
    assertEquals(415, reply.status());
    assertEquals("Unsupported media type \"application/x-www-form-urlencoded\" in request.", reply.json().getString("detail"));
    assertEquals(201, SERVER.api().post(CREATE).token(token).body(Profiles.portland().encode(), "application/json; charset=utf-8").send().status());
  }

  @Test
  void aBodyOverTheLimitIsA413() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    Reply reply = SERVER.api().post(CREATE).token(token).json(Profiles.portland().put("company_name", "x".repeat(10_000))).send();
    assertEquals(413, reply.status());
    assertNotNull(reply.json().getString("detail"));
    assertNothingCreated(token);
  }

  @Test
  void wrongFieldsTypesLengthsAndChoicesAreAllReportedAtOnce() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    Reply reply = SERVER.api().post(CREATE).token(token).json(Profiles.portland()
        .put("city", "c".repeat(101)).put("state", 7).put("preferred_contact_method", "fax")
        .put("notification_preferences", List.of(1)).put("nickname", "Bob").put("postal_code", "<script>")).send();
    assertEquals(400, reply.status());
    JsonObject errors = reply.json();
    assertEquals(List.of("Ensure this field has no more than 100 characters."), errors.getJsonArray("city").getList());
    assertEquals(List.of("Not a valid string."), errors.getJsonArray("state").getList());
    assertEquals(List.of("\"fax\" is not a valid choice."), errors.getJsonArray("preferred_contact_method").getList());
    assertEquals(List.of("Must be a JSON object."), errors.getJsonArray("notification_preferences").getList());
    assertEquals(List.of("This field is not allowed."), errors.getJsonArray("nickname").getList());
    assertEquals(List.of("Enter a valid postal code."), errors.getJsonArray("postal_code").getList());
    assertNothingCreated(token);
  }

  @Test
  void anEmptyBodyOnCreateListsTheRequiredFields() {
    Reply reply = SERVER.api().post(CREATE).token(Tokens.access(UUID.randomUUID(), "customer")).send();
    assertEquals(400, reply.status());
    assertEquals(List.of("city", "country", "postal_code", "state", "street_address"),
        reply.json().fieldNames().stream().sorted().toList());
  }

  @Test
  void deeplyNestedOrHugeJsonDoesNotHurtTheServer() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    String nested = "{\"notification_preferences\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
    Reply reply = SERVER.api().post(CREATE).token(token).body(nested, "application/json").send();
    assertTrue(reply.status() == 400 || reply.status() == 413, reply.toString());
    assertNoInternals(reply);
    assertEquals(200, SERVER.api().get("/health/live").send().status());
  }
}
