package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shapes the frontend written against the Django REST framework service reads, on every route that returns a customer. */
class DjangoCompatibilityTest {

  @RegisterExtension
  static final ApiServer.PerClass SERVER = new ApiServer.PerClass();

  private static final String STAFF = Tokens.access(UUID.randomUUID(), "employee");
  private static final List<String> USER_FIELDS = List.of("email", "first_name", "last_name", "phone_number", "user_data_complete");
  private static final List<String> BLANK_TEXT = List.of("company_name", "business_type", "tax_id",
      "emergency_contact_name", "emergency_contact_phone", "emergency_contact_relationship");

  private static HttpApi api() {
    return SERVER.api();
  }

  private static void assertCustomerWithUserData(JsonObject customer, String where) {
    for (String field : USER_FIELDS) {
      assertTrue(customer.containsKey(field), where + " carries " + field + " at the top level: " + customer);
    }
    assertFalse(customer.containsKey("user"), where + " has no nested user copy");
    for (String blank : BLANK_TEXT) {
      assertEquals("", customer.getValue(blank), where + ": an empty " + blank + " is \"\"");
    }
  }

  @Test
  void everyRepresentationOfACustomerCarriesTheUsersFieldsAtTheTopLevelAndEmptyTextAsEmptyStrings() {
    UUID userId = UUID.randomUUID();
    String token = Tokens.access(userId, "customer");
    Reply created = api().post(Profiles.BASE + "profile/create/").token(token).json(Profiles.portland()).send();
    assertEquals(201, created.status(), created::toString);
    assertCustomerWithUserData(created.json(), "create");
    assertEquals("user-" + userId.toString().substring(0, 8) + "@example.com", created.json().getString("email"), "filled from the token");
    assertEquals("Test", created.json().getString("first_name"));
    String id = created.json().getString("id");

    assertCustomerWithUserData(api().get(Profiles.BASE + "profile/").token(token).send().json(), "get");
    assertCustomerWithUserData(api().patch(Profiles.BASE + "profile/update/").token(token)
        .json(new JsonObject().put("city", "Salem")).send().json(), "update");
    assertCustomerWithUserData(api().get(Profiles.BASE + id + "/").token(STAFF).send().json(), "staff get");
    assertCustomerWithUserData(api().patch(Profiles.BASE + id + "/").token(STAFF)
        .json(new JsonObject().put("is_verified", true)).send().json(), "staff update");
    JsonObject page = api().get(Profiles.BASE + "?city=Salem").token(STAFF).send().json();
    page.getJsonArray("results").forEach(row -> assertCustomerWithUserData((JsonObject) row, "staff list"));
  }

  @Test
  void emptyTextIsAcceptedAsAnEmptyStringOrNullAndTheUsersFieldsCannotBeWritten() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    Reply created = api().post(Profiles.BASE + "profile/create/").token(token)
        .json(Profiles.portland().put("company_name", "Rain Co").put("tax_id", "12-345")).send();
    assertEquals("Rain Co", created.json().getString("company_name"));
    assertTrue(created.json().getBoolean("is_business_customer"));
    Reply emptied = api().patch(Profiles.BASE + "profile/update/").token(token)
        .json(new JsonObject().put("company_name", "").putNull("tax_id")).send();
    assertEquals(200, emptied.status(), emptied::toString);
    assertEquals("", emptied.json().getString("company_name"));
    assertEquals("", emptied.json().getString("tax_id"));
    assertFalse(emptied.json().getBoolean("is_business_customer"));

    for (String field : USER_FIELDS) {
      Reply refused = api().patch(Profiles.BASE + "profile/update/").token(token).json(new JsonObject().put(field, "x")).send();
      assertEquals(400, refused.status(), field + ": " + refused);
      assertTrue(refused.json().containsKey(field), "the error names " + field + ": " + refused);
    }
  }

  @Test
  void staffAskWhetherAGivenUserHasAProfileAndCustomersOnlyAboutThemselves() {
    UUID userId = UUID.randomUUID();
    String token = Tokens.access(userId, "customer");
    String id = api().post(Profiles.BASE + "profile/create/").token(token).json(Profiles.portland()).send().json().getString("id");
    String exists = Profiles.BASE + "check_profile_exists/";

    JsonObject yes = new JsonObject().put("exists", true).put("customer_id", id);
    assertEquals(yes, api().post(exists).token(STAFF).json(new JsonObject().put("user_id", userId.toString())).send().json());
    assertEquals(new JsonObject().put("exists", false).putNull("customer_id"),
        api().post(exists).token(Tokens.access(UUID.randomUUID(), "admin")).json(new JsonObject().put("user_id", UUID.randomUUID().toString())).send().json());
    assertEquals(yes, api().post(exists).token(token).json(new JsonObject().put("user_id", userId.toString())).send().json(), "naming oneself");
    assertEquals(yes, api().post(exists).token(token).send().json(), "without a body: the caller");
    assertEquals(new JsonObject().put("exists", false).putNull("customer_id"), api().post(exists).token(STAFF).send().json(), "staff asking about themselves");

    Reply other = api().post(exists).token(token).json(new JsonObject().put("user_id", UUID.randomUUID().toString())).send();
    assertEquals(403, other.status(), other::toString);
    Reply malformed = api().post(exists).token(STAFF).json(new JsonObject().put("user_id", "not-a-uuid")).send();
    assertEquals(400, malformed.status());
    assertTrue(malformed.json().containsKey("user_id"), malformed::toString);
    Reply unknownField = api().post(exists).token(STAFF).json(new JsonObject().put("email", "a@example.com")).send();
    assertTrue(unknownField.json().containsKey("email"), unknownField::toString);
  }

  @Test
  void theDjangoViewsIncludeParametersAreAcceptedAndChangeNothing() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    String id = api().post(Profiles.BASE + "profile/create/").token(token).json(Profiles.portland()).send().json().getString("id");
    for (String path : List.of(Profiles.BASE + "profile/", Profiles.BASE + id + "/", Profiles.BASE + "?city=Portland")) {
      String caller = path.contains("profile/") ? token : STAFF;
      Reply plain = api().get(path).token(caller).send();
      for (String include : List.of("phone", "user")) {
        Reply included = api().get(path + (path.contains("?") ? "&" : "?") + "include=" + include).token(caller).send();
        assertEquals(200, included.status(), path + " include=" + include + ": " + included);
        JsonObject expected = plain.json();
        JsonObject got = included.json();
        if (expected.containsKey("next")) {
          assertEquals(expected.getValue("count"), got.getValue("count"));
        } else {
          assertEquals(expected, got, path);
        }
      }
    }
  }
}
