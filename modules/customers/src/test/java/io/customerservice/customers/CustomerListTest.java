package io.customerservice.customers;

import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_CREATE;
import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_LIST;
import static io.customerservice.contract.Addresses.CUSTOMERS_PROFILE_UPDATE;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The staff list: filters, search, ordering and Django-style pagination, on a known data set. */
@ExtendWith(VertxExtension.class)
class CustomerListTest {

  private static Bus bus;

  @BeforeAll
  static void seed(Vertx vertx) {
    bus = new Bus(vertx);
    Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class,
        new DeploymentOptions().setConfig(TestConfig.withDefaults(TestPostgres.newDatabase()))));
    for (int i = 0; i < 25; i++) {
      create(Profiles.at("Portland", "OR", "USA").put("street_address", i + " Main St"));
    }
    create(Profiles.at("Salem", "OR", "USA").put("company_name", "Acme 100% Plumbing"));
    create(Profiles.at("Toronto", "ON", "Canada").put("postal_code", "M5V 2T6"));
    UUID verified = UUID.randomUUID();
    bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(verified, Profiles.at("Boston", "MA", "USA")));
    bus.request(CUSTOMERS_PROFILE_UPDATE,
        CustomerMessages.update(CustomerKey.ofUser(verified), new JsonObject().put("is_verified", true), null));
  }

  private static void create(JsonObject profile) {
    bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(UUID.randomUUID(), profile));
  }

  private static JsonObject list(JsonObject query) {
    return bus.request(CUSTOMERS_PROFILE_LIST, query);
  }

  private static List<String> column(JsonObject page, String field) {
    return page.getJsonArray("results").stream().map(r -> ((JsonObject) r).getString(field)).toList();
  }

  @Test
  void theFirstPageHoldsTheDefaultPageSizeNewestFirst() {
    JsonObject page = list(new JsonObject());
    assertEquals(28, page.getLong("count"));
    assertEquals(20, page.getJsonArray("results").size());
    assertEquals(1, page.getInteger("page"));
    assertEquals("Boston", column(page, "city").get(0), "the last created comes first");
  }

  @Test
  void pagesDoNotOverlapAndAPagePastTheEndIsNotFound() {
    JsonArray first = list(new JsonObject().put("page_size", 10)).getJsonArray("results");
    JsonObject third = list(new JsonObject().put("page_size", 10).put("page", 3));
    assertEquals(8, third.getJsonArray("results").size());
    assertTrue(third.getJsonArray("results").stream().noneMatch(first::contains));
    assertEquals(FailureCode.NOT_FOUND, bus.failure(CUSTOMERS_PROFILE_LIST, new JsonObject().put("page", 4).put("page_size", 10)).code());
  }

  @Test
  void thePageSizeIsCapped() {
    assertEquals(100, list(new JsonObject().put("page_size", 5000)).getInteger("page_size"));
  }

  @Test
  void filtersAreExactAndIgnoreCase() {
    assertEquals(25, list(new JsonObject().put("city", "portland")).getLong("count"));
    assertEquals(26, list(new JsonObject().put("state", "or")).getLong("count"));
    assertEquals(1, list(new JsonObject().put("country", "CANADA")).getLong("count"));
    assertEquals(0, list(new JsonObject().put("city", "Port")).getLong("count"));
    assertEquals(List.of("Boston"), column(list(new JsonObject().put("is_verified", true)), "city"));
    assertEquals(List.of("Salem"), column(list(new JsonObject().put("is_business_customer", true)), "city"));
    assertEquals(27, list(new JsonObject().put("is_business_customer", false)).getLong("count"));
    assertEquals(1, list(new JsonObject().put("state", "OR").put("is_business_customer", true)).getLong("count"));
  }

  @Test
  void searchMatchesAnyPartOfTheAddressOrCompanyTakingWildcardsLiterally() {
    assertEquals(List.of("Salem"), column(list(new JsonObject().put("search", "acme")), "city"));
    assertEquals(List.of("Salem"), column(list(new JsonObject().put("search", "100%")), "city"));
    assertEquals(List.of("Toronto"), column(list(new JsonObject().put("search", "m5v")), "city"));
    assertEquals(0, list(new JsonObject().put("search", "_")).getLong("count"));
    assertEquals(1, list(new JsonObject().put("search", "12 Main")).getLong("count"));
  }

  @Test
  void orderingFollowsTheRequestedField() {
    List<String> cities = column(list(new JsonObject().put("ordering", "city").put("page_size", 100)), "city");
    assertEquals(cities.stream().sorted().toList(), cities);
    assertEquals("Toronto", column(list(new JsonObject().put("ordering", "-city")), "city").get(0));
  }

  @Test
  void badQueriesAreRefusedWithTheParameterNamed() {
    JsonObject errors = bus.failure(CUSTOMERS_PROFILE_LIST, new JsonObject()
        .put("ordering", "password").put("page", 0).put("is_verified", "maybe").put("colour", "red")).fieldErrors();
    assertEquals(List.of("ordering", "page", "is_verified", "colour").stream().sorted().toList(),
        errors.fieldNames().stream().sorted().toList());
  }
}
