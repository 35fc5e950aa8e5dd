package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What employees and admins do: the paginated, filtered list and any customer by id. */
class StaffApiTest {

  private static ApiServer server;
  private static HttpApi api;
  private static final String STAFF = Tokens.access(UUID.randomUUID(), "employee");
  private static final String PUBLIC_BASE = "https://api.example.com";

  @BeforeAll
  static void seed() {
    server = ApiServer.start(new JsonObject().put(HttpSettings.HTTP_PUBLIC_BASE_URL, PUBLIC_BASE + "/"));
    api = server.api;
    for (int i = 0; i < 12; i++) {
      createCustomer(Profiles.portland().put("street_address", i + " Oak St"));
    }
    createCustomer(Profiles.portland().put("city", "Seattle").put("state", "WA").put("company_name", "Rain Co"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject createCustomer(JsonObject profile) {
    Reply reply = api.post(Profiles.BASE + "profile/create/").token(Tokens.access(UUID.randomUUID(), "customer")).json(profile).send();
    assertEquals(201, reply.status(), reply.toString());
    return reply.json();
  }

  @Test
  void theListIsDjangoRestFrameworksPageShapeWithLinksFromThePublicBaseUrl() {
    Reply first = api.get(Profiles.BASE + "?page_size=5&city=Portland").token(STAFF).send();
    assertEquals(200, first.status(), first.toString());
    JsonObject page = first.json();
    assertEquals(List.of("count", "next", "previous", "results"), List.copyOf(page.fieldNames()));
    assertEquals(12, page.getLong("count"));
    assertEquals(5, page.getJsonArray("results").size());
    assertNull(page.getValue("previous"));
    assertEquals(PUBLIC_BASE + Profiles.BASE + "?page_size=5&city=Portland&page=2", page.getString("next"));

    JsonObject last = api.get(Profiles.BASE + "?page_size=5&city=Portland&page=3").token(STAFF).send().json();
    assertEquals(2, last.getJsonArray("results").size());
    assertNull(last.getValue("next"));
    assertEquals(PUBLIC_BASE + Profiles.BASE + "?page_size=5&city=Portland&page=2", last.getString("previous"));

    JsonObject second = api.get(Profiles.BASE + "?page_size=5&city=Portland&page=2").token(STAFF).send().json();
    assertEquals(PUBLIC_BASE + Profiles.BASE + "?page_size=5&city=Portland", second.getString("previous"), "DRF drops page=1");
  }

  @Test
  void filtersSearchAndOrderingWork() {
    assertEquals(1, api.get(Profiles.BASE + "?state=wa").token(STAFF).send().json().getLong("count"));
    assertEquals(1, api.get(Profiles.BASE + "?is_business_customer=true").token(STAFF).send().json().getLong("count"));
    assertEquals(1, api.get(Profiles.BASE + "?search=rain%20co").token(STAFF).send().json().getLong("count"));
    assertEquals(0, api.get(Profiles.BASE + "?is_verified=True&city=Seattle").token(STAFF).send().json().getLong("count"));
    JsonObject ordered = api.get(Profiles.BASE + "?ordering=-city&page_size=1").token(STAFF).send().json();
    assertEquals("Seattle", ordered.getJsonArray("results").getJsonObject(0).getString("city"));
  }

  @Test
  void listParametersAreReadAsDjangoReadsThem() {
    assertEquals(404, api.get(Profiles.BASE + "?page=abc").token(STAFF).send().status());
    JsonObject last = api.get(Profiles.BASE + "?page_size=5&city=Portland&page=last").token(STAFF).send().json();
    assertEquals(2, last.getJsonArray("results").size(), "page=last is the last page, as DRF's last_page_strings");
    assertNull(last.getValue("next"));
    assertEquals(PUBLIC_BASE + Profiles.BASE + "?page_size=5&city=Portland&page=2", last.getString("previous"), "links carry numbers");
    JsonObject onlyPage = api.get(Profiles.BASE + "?city=Seattle&page=last").token(STAFF).send().json();
    assertEquals(1, onlyPage.getJsonArray("results").size());
    assertEquals(0, api.get(Profiles.BASE + "?city=Nowhere&page=last").token(STAFF).send().json().getLong("count"), "an empty list has a first page");
    assertEquals(404, api.get(Profiles.BASE + "?page=99").token(STAFF).send().status());
    assertEquals("Invalid page.", api.get(Profiles.BASE + "?page=99").token(STAFF).send().json().getString("detail"));
    assertEquals(13, api.get(Profiles.BASE + "?page_size=5000").token(STAFF).send().json().getJsonArray("results").size());
    assertEquals(13, api.get(Profiles.BASE + "?page_size=-3&_=1700000000").token(STAFF).send().json().getLong("count"));
    Reply badBoolean = api.get(Profiles.BASE + "?is_verified=maybe").token(STAFF).send();
    assertEquals(400, badBoolean.status());
    assertTrue(badBoolean.json().containsKey("is_verified"));
    Reply badOrdering = api.get(Profiles.BASE + "?ordering=password").token(STAFF).send();
    assertEquals(400, badOrdering.status());
    assertTrue(badOrdering.json().containsKey("ordering"));
  }

  @Test
  void staffReadChangeVerifyAndDeleteAnyCustomerById() {
    JsonObject customer = createCustomer(Profiles.portland());
    String path = Profiles.BASE + customer.getString("id") + "/";

    Reply read = api.get(path).token(STAFF).send();
    assertEquals(200, read.status());
    assertTrue(read.json().containsKey("email"), "the user's fields at the top level: " + read);
    assertEquals("\"v1\"", read.header("ETag"));

    Reply verified = api.patch(path).token(STAFF).header("If-Match", "\"v1\"").json(new JsonObject().put("is_verified", true)).send();
    assertEquals(200, verified.status(), verified.toString());
    assertTrue(verified.json().getBoolean("is_verified"));

    Reply readOnly = api.patch(path).token(STAFF).json(new JsonObject().put("total_services", 5)).send();
    assertEquals(400, readOnly.status());

    assertEquals(200, api.put(path).token(STAFF).json(Profiles.portland().put("city", "Bend")).send().status());
    assertEquals(204, api.delete(path).token(Tokens.access(UUID.randomUUID(), "admin")).send().status());
    assertEquals(404, api.get(path).token(STAFF).send().status());
  }

  @Test
  void anIdThatIsNotAUuidIsNotFoundWithAClearMessage() {
    Reply reply = api.get(Profiles.BASE + "12345/").token(STAFF).send();
    assertEquals(404, reply.status());
    assertTrue(reply.json().getString("detail").contains("not a valid customer id"), reply.toString());
    assertEquals(404, api.patch(Profiles.BASE + "abc/").token(STAFF).json(new JsonObject()).send().status());
    assertEquals(404, api.get(Profiles.BASE + UUID.randomUUID() + "/").token(STAFF).send().status());
  }
}
