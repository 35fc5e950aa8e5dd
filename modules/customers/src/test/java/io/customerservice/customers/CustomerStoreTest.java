package io.customerservice.customers;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.EventRecorder;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every store operation, driven over the event bus against a real PostgreSQL. */
@ExtendWith(VertxExtension.class)
class CustomerStoreTest {

  private static Bus bus;
  private static Vertx vertx;

  @BeforeAll
  static void deploy(Vertx v) {
    vertx = v;
    bus = new Bus(v);
    DeploymentOptions options = new DeploymentOptions().setConfig(TestConfig.withDefaults(TestPostgres.newDatabase())).setInstances(2);
    Bus.await(v.deployVerticle(CustomerStoreVerticle.class, options));
  }

  private static JsonObject create(UUID user, JsonObject profile) {
    return bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, profile));
  }

  @Test
  void createStoresTheProfileWithItsDefaultsAndPublishesIt() {
    UUID user = UUID.randomUUID();
    try (EventRecorder created = new EventRecorder(vertx, CUSTOMERS_EVENTS_CREATED)) {
      JsonObject customer = create(user, Profiles.portland());

      assertEquals(user.toString(), customer.getString("user_id"));
      assertDoesNotThrow(() -> UUID.fromString(customer.getString("id")));
      assertEquals("123 Main St", customer.getString("street_address"));
      assertEquals("97201", customer.getString("postal_code"));
      assertFalse(customer.getBoolean("is_verified"));
      assertFalse(customer.getBoolean("is_business_customer"));
      assertEquals(0, customer.getInteger("total_services"));
      assertNull(customer.getValue("last_service_date"));
      assertEquals("email", customer.getString("preferred_contact_method"));
      assertEquals(new JsonObject(), customer.getJsonObject("notification_preferences"));
      assertEquals(1, customer.getInteger("version"));
      assertTrue(customer.getString("customer_since").endsWith("Z"));
      assertNotNull(customer.getString("created_at"));
      assertFalse(customer.containsKey("email"), "user data is never stored here");

      JsonObject event = created.await(e -> e.getString("id").equals(customer.getString("id")));
      assertEquals(customer, event);
    }
  }

  @Test
  void aCompanyNameMakesABusinessCustomer() {
    JsonObject customer = create(UUID.randomUUID(), Profiles.portland()
        .put("company_name", "Acme Plumbing").put("business_type", "Plumbing").put("tax_id", "12-3456789"));
    assertTrue(customer.getBoolean("is_business_customer"));
    assertEquals("Acme Plumbing", customer.getString("company_name"));
  }

  @Test
  void inputIsTrimmedAndBlankOptionalTextIsNull() {
    JsonObject customer = create(UUID.randomUUID(), Profiles.portland().put("city", "  Portland ").put("company_name", "   "));
    assertEquals("Portland", customer.getString("city"));
    assertNull(customer.getValue("company_name"));
    assertFalse(customer.getBoolean("is_business_customer"));
  }

  @Test
  void aSecondProfileForTheSameUserIsAConflictAndChangesNothing() {
    UUID user = UUID.randomUUID();
    JsonObject first = create(user, Profiles.portland());
    ServiceFailure failure = bus.failure(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, Profiles.at("Boston", "MA", "USA")));
    assertEquals(FailureCode.CONFLICT, failure.code());
    assertEquals(first, bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))));
  }

  @Test
  void concurrentCreatesForOneUserLetExactlyOneWin() {
    UUID user = UUID.randomUUID();
    List<Future<JsonObject>> attempts = IntStream.range(0, 25)
        .mapToObj(i -> bus.send(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, Profiles.at("City" + i, "OR", "USA"))))
        .toList();
    Bus.await(Future.join(attempts).otherwiseEmpty());

    List<Future<JsonObject>> won = attempts.stream().filter(Future::succeeded).toList();
    assertEquals(1, won.size());
    attempts.stream().filter(Future::failed)
        .forEach(f -> assertEquals(FailureCode.CONFLICT, ServiceFailure.from(f.cause()).code()));
    assertEquals(won.get(0).result(), bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))));
  }

  @Test
  void getFindsByCustomerIdAndByUserId() {
    UUID user = UUID.randomUUID();
    JsonObject customer = create(user, Profiles.portland());
    UUID id = UUID.fromString(customer.getString("id"));
    assertEquals(customer, bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofId(id))));
    assertEquals(customer, bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))));
  }

  /** Reads asked together are answered by shared statements; each must still get its own customer. */
  @Test
  void concurrentReadsEachGetTheirOwnCustomer() {
    List<JsonObject> customers = IntStream.range(0, 40)
        .mapToObj(i -> create(UUID.randomUUID(), Profiles.at("Town" + i, "OR", "USA"))).toList();
    List<JsonObject> requests = new ArrayList<>();
    for (JsonObject customer : customers) {
      requests.add(CustomerMessages.get(CustomerKey.ofUser(UUID.fromString(customer.getString("user_id")))));
      requests.add(CustomerMessages.get(CustomerKey.ofId(UUID.fromString(customer.getString("id")))));
      requests.add(CustomerMessages.get(CustomerKey.ofUser(UUID.fromString(customer.getString("user_id")))));
      requests.add(CustomerMessages.get(CustomerKey.ofUser(UUID.randomUUID())));
    }
    List<Future<JsonObject>> reads = requests.stream().map(request -> bus.send(CUSTOMERS_PROFILE_GET, request)).toList();
    Bus.await(Future.join(reads).otherwiseEmpty());

    for (int i = 0; i < customers.size(); i++) {
      JsonObject customer = customers.get(i);
      assertEquals(customer, reads.get(4 * i).result());
      assertEquals(customer, reads.get(4 * i + 1).result());
      assertEquals(customer, reads.get(4 * i + 2).result(), "the same key asked twice at once");
      assertEquals(FailureCode.NOT_FOUND, ServiceFailure.from(reads.get(4 * i + 3).cause()).code());
    }
  }

  @Test
  void getOfAnUnknownCustomerIsNotFound() {
    assertEquals(FailureCode.NOT_FOUND,
        bus.failure(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofId(UUID.randomUUID()))).code());
    assertEquals(FailureCode.NOT_FOUND,
        bus.failure(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(UUID.randomUUID()))).code());
  }

  @Test
  void aKeyMustBeOneValidUuid() {
    ServiceFailure notUuid = bus.failure(CUSTOMERS_PROFILE_GET, new JsonObject().put("id", "42"));
    assertEquals(FailureCode.INVALID, notUuid.code());
    assertEquals(List.of("Must be a valid UUID."), notUuid.fieldErrors().getJsonArray("id").getList());

    ServiceFailure both = bus.failure(CUSTOMERS_PROFILE_GET,
        new JsonObject().put("id", UUID.randomUUID().toString()).put("user_id", UUID.randomUUID().toString()));
    assertEquals(FailureCode.INVALID, both.code());
    assertTrue(both.fieldErrors().containsKey("non_field_errors"));

    assertEquals(FailureCode.INVALID, bus.failure(CUSTOMERS_PROFILE_GET, new JsonObject()).code());
  }

  @Test
  void getManyAnswersTheCustomersFoundAndLeavesOutTheRest() {
    List<JsonObject> customers = IntStream.range(0, 3)
        .mapToObj(i -> create(UUID.randomUUID(), Profiles.at("Many" + i, "OR", "USA"))).toList();
    List<String> userIds = new ArrayList<>(customers.stream().map(c -> c.getString("user_id")).toList());
    userIds.add(UUID.randomUUID().toString());
    userIds.add(userIds.get(0));

    JsonArray byUser = bus.request(CUSTOMERS_PROFILE_GET_MANY, CustomerMessages.getMany(true, userIds)).getJsonArray("results");
    assertEquals(Set.copyOf(customers), Set.copyOf(byUser.getList()), "each found customer once, the unknown user left out");
    assertEquals(3, byUser.size());

    List<String> ids = List.of(customers.get(1).getString("id"), UUID.randomUUID().toString());
    JsonArray byId = bus.request(CUSTOMERS_PROFILE_GET_MANY, CustomerMessages.getMany(false, ids)).getJsonArray("results");
    assertEquals(List.of(customers.get(1)), byId.getList());

    JsonArray none = bus.request(CUSTOMERS_PROFILE_GET_MANY, CustomerMessages.getMany(true, List.of(UUID.randomUUID().toString())))
        .getJsonArray("results");
    assertTrue(none.isEmpty());
  }

  @Test
  void getManyRefusesKeysItCannotRead() {
    String someone = UUID.randomUUID().toString();
    ServiceFailure neither = bus.failure(CUSTOMERS_PROFILE_GET_MANY, new JsonObject());
    assertEquals(FailureCode.INVALID, neither.code());
    assertTrue(neither.fieldErrors().containsKey("non_field_errors"));
    ServiceFailure both = bus.failure(CUSTOMERS_PROFILE_GET_MANY,
        new JsonObject().put("ids", new JsonArray().add(someone)).put("user_ids", new JsonArray().add(someone)));
    assertTrue(both.fieldErrors().containsKey("non_field_errors"));

    assertEquals(List.of("A list of 1 to 100 UUIDs is required."), bus.failure(CUSTOMERS_PROFILE_GET_MANY,
        new JsonObject().put("user_ids", new JsonArray())).fieldErrors().getJsonArray("user_ids").getList());
    assertEquals(List.of("A list of 1 to 100 UUIDs is required."), bus.failure(CUSTOMERS_PROFILE_GET_MANY,
        new JsonObject().put("ids", someone)).fieldErrors().getJsonArray("ids").getList());
    List<String> tooMany = IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).toList();
    assertEquals(FailureCode.INVALID, bus.failure(CUSTOMERS_PROFILE_GET_MANY, CustomerMessages.getMany(true, tooMany)).code());

    ServiceFailure badItem = bus.failure(CUSTOMERS_PROFILE_GET_MANY,
        new JsonObject().put("user_ids", new JsonArray().add(someone).add(42)));
    assertEquals(List.of("Item 1 is not a valid UUID."), badItem.fieldErrors().getJsonArray("user_ids").getList());
    ServiceFailure stray = bus.failure(CUSTOMERS_PROFILE_GET_MANY,
        new JsonObject().put("user_ids", new JsonArray().add(someone)).put("token", "x"));
    assertTrue(stray.fieldErrors().containsKey("token"));
  }

  @Test
  void existsAnswersForUsersWithAndWithoutAProfile() {
    UUID user = UUID.randomUUID();
    assertEquals(new JsonObject().put("exists", false).put("customer_id", null),
        bus.request(CUSTOMERS_PROFILE_EXISTS, CustomerMessages.exists(user)));
    JsonObject customer = create(user, Profiles.portland());
    assertEquals(new JsonObject().put("exists", true).put("customer_id", customer.getString("id")),
        bus.request(CUSTOMERS_PROFILE_EXISTS, CustomerMessages.exists(user)));
  }

  @Test
  void aPartialUpdateChangesOnlyTheGivenFieldsBumpsTheVersionAndPublishes() {
    UUID user = UUID.randomUUID();
    JsonObject before = create(user, Profiles.portland().put("company_name", "Acme"));
    try (EventRecorder updated = new EventRecorder(vertx, CUSTOMERS_EVENTS_UPDATED)) {
      JsonObject after = bus.request(CUSTOMERS_PROFILE_UPDATE, CustomerMessages.update(CustomerKey.ofUser(user),
          new JsonObject().put("city", "Salem").put("notification_preferences", new JsonObject().put("sms", true)), null));

      assertEquals("Salem", after.getString("city"));
      assertEquals(new JsonObject().put("sms", true), after.getJsonObject("notification_preferences"));
      assertEquals("Acme", after.getString("company_name"));
      assertEquals(before.getString("street_address"), after.getString("street_address"));
      assertEquals(before.getString("customer_since"), after.getString("customer_since"));
      assertEquals(2, after.getInteger("version"));
      assertTrue(after.getString("updated_at").compareTo(before.getString("updated_at")) > 0);
      assertEquals(after, updated.await(e -> e.getString("id").equals(after.getString("id"))));
    }
  }

  @Test
  void staffMayMarkACustomerVerifiedThroughTheStore() {
    UUID user = UUID.randomUUID();
    create(user, Profiles.portland());
    JsonObject after = bus.request(CUSTOMERS_PROFILE_UPDATE,
        CustomerMessages.update(CustomerKey.ofUser(user), new JsonObject().put("is_verified", true), null));
    assertTrue(after.getBoolean("is_verified"));
  }

  @Test
  void aStaleVersionIsAConflictAndChangesNothing() {
    UUID user = UUID.randomUUID();
    create(user, Profiles.portland());
    CustomerKey key = CustomerKey.ofUser(user);
    JsonObject current = bus.request(CUSTOMERS_PROFILE_UPDATE, CustomerMessages.update(key, new JsonObject().put("city", "Salem"), 1));

    ServiceFailure stale = bus.failure(CUSTOMERS_PROFILE_UPDATE, CustomerMessages.update(key, new JsonObject().put("city", "Eugene"), 1));
    assertEquals(FailureCode.CONFLICT, stale.code());
    assertEquals(2, stale.extra().getInteger("current_version"));
    assertEquals(FailureCode.CONFLICT,
        bus.failure(CUSTOMERS_PROFILE_REPLACE, CustomerMessages.replace(key, Profiles.portland(), 1)).code());
    assertEquals(FailureCode.CONFLICT, bus.failure(CUSTOMERS_PROFILE_DELETE, CustomerMessages.delete(key, 1)).code());
    assertEquals(current, bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(key)));
  }

  @Test
  void concurrentUpdatesExpectingTheSameVersionLetExactlyOneWin() {
    UUID user = UUID.randomUUID();
    create(user, Profiles.portland());
    List<Future<JsonObject>> attempts = IntStream.range(0, 20)
        .mapToObj(i -> bus.send(CUSTOMERS_PROFILE_UPDATE,
            CustomerMessages.update(CustomerKey.ofUser(user), new JsonObject().put("city", "City" + i), 1)))
        .toList();
    Bus.await(Future.join(attempts).otherwiseEmpty());
    assertEquals(1, attempts.stream().filter(Future::succeeded).count());
    assertEquals(2, bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofUser(user))).getInteger("version"));
  }

  @Test
  void replaceNeedsEveryRequiredFieldAndKeepsTheRest() {
    UUID user = UUID.randomUUID();
    create(user, Profiles.portland().put("tax_id", "T-1"));
    CustomerKey key = CustomerKey.ofUser(user);

    ServiceFailure incomplete = bus.failure(CUSTOMERS_PROFILE_REPLACE, CustomerMessages.replace(key, new JsonObject().put("city", "Boston"), null));
    assertEquals(FailureCode.INVALID, incomplete.code());
    assertEquals(List.of("This field is required."), incomplete.fieldErrors().getJsonArray("street_address").getList());
    assertEquals("Portland", bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(key)).getString("city"));

    JsonObject replaced = bus.request(CUSTOMERS_PROFILE_REPLACE, CustomerMessages.replace(key, Profiles.at("Boston", "MA", "USA"), null));
    assertEquals("Boston", replaced.getString("city"));
    assertEquals(2, replaced.getInteger("version"));
  }

  @Test
  void invalidInputIsRefusedWithFieldDetailsAndWritesNothing() {
    UUID user = UUID.randomUUID();
    JsonObject bad = Profiles.portland()
        .put("street_address", "x".repeat(256))
        .put("postal_code", "!!")
        .put("emergency_contact_phone", "call me")
        .put("preferred_contact_method", "pigeon")
        .put("notification_preferences", "yes")
        .put("is_verified", "true")
        .put("city", 42)
        .put("favourite_colour", "blue")
        .put("total_services", 99)
        .putNull("country");

    ServiceFailure failure = bus.failure(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(user, bad));

    assertEquals(FailureCode.INVALID, failure.code());
    JsonObject errors = failure.fieldErrors();
    assertEquals(List.of("Ensure this field has no more than 255 characters."), errors.getJsonArray("street_address").getList());
    assertEquals(List.of("Enter a valid postal code."), errors.getJsonArray("postal_code").getList());
    assertEquals(List.of("Enter a valid phone number."), errors.getJsonArray("emergency_contact_phone").getList());
    assertEquals(List.of("\"pigeon\" is not a valid choice."), errors.getJsonArray("preferred_contact_method").getList());
    assertEquals(List.of("Must be a JSON object."), errors.getJsonArray("notification_preferences").getList());
    assertEquals(List.of("Must be a valid boolean."), errors.getJsonArray("is_verified").getList());
    assertEquals(List.of("Not a valid string."), errors.getJsonArray("city").getList());
    assertEquals(List.of("This field is not allowed."), errors.getJsonArray("favourite_colour").getList());
    assertEquals(List.of("This field is read-only."), errors.getJsonArray("total_services").getList());
    assertEquals(List.of("This field may not be null."), errors.getJsonArray("country").getList());
    assertFalse(bus.request(CUSTOMERS_PROFILE_EXISTS, CustomerMessages.exists(user)).getBoolean("exists"));
  }

  @Test
  void lengthsCountCharactersNotBytesAndControlAndInvisibleCharactersAreRefused() {
    JsonObject customer = create(UUID.randomUUID(), Profiles.portland().put("city", "Zürich ☕".repeat(10)));
    assertEquals(80, customer.getString("city").length());

    ServiceFailure nul = bus.failure(CUSTOMERS_PROFILE_CREATE,
        CustomerMessages.create(UUID.randomUUID(), Profiles.portland().put("street_address", "1 Main\u0000St")));
    assertEquals(List.of("Contains the character U+0000, which is not allowed (control, invisible or bidirectional formatting characters)."),
        nul.fieldErrors().getJsonArray("street_address").getList());
    for (String hostile : List.of("\u0085", "\u009B", "\u202E", "\u200B", "\uFEFF", "\t", "\n", "\uD800")) {
      ServiceFailure refused = bus.failure(CUSTOMERS_PROFILE_CREATE,
          CustomerMessages.create(UUID.randomUUID(), Profiles.portland().put("city", "Port" + hostile + "land")));
      assertTrue(refused.fieldErrors().containsKey("city"), () -> "accepted " + hostile.codePointAt(0));
    }
  }

  @Test
  void internationalPostalCodesAndPhonesAreAccepted() {
    for (String postal : List.of("SW1A 1AA", "H2X 1Y4", "10115", "97201-1234", "100-0001", "D02 X285")) {
      for (String phone : List.of("+44 20 7946 0958", "(503) 555-0100", "+81-3-1234-5678")) {
        JsonObject customer = create(UUID.randomUUID(),
            Profiles.portland().put("postal_code", postal).put("emergency_contact_phone", phone));
        assertEquals(postal, customer.getString("postal_code"));
      }
    }
  }

  @Test
  void requestsOutsideTheContractAreRefused() {
    assertEquals(FailureCode.INVALID, bus.failure(CUSTOMERS_PROFILE_GET, "not json").code());
    assertEquals(FailureCode.INVALID, bus.failure(CUSTOMERS_PROFILE_CREATE,
        CustomerMessages.create(UUID.randomUUID(), Profiles.portland()).put("extra", 1)).code());
    assertEquals(FailureCode.INVALID, bus.failure(CUSTOMERS_PROFILE_UPDATE,
        CustomerMessages.update(CustomerKey.ofUser(UUID.randomUUID()), new JsonObject(), null).put("expected_version", "one")).code());
  }

  @Test
  void deleteByIdOrByUserRemovesTheProfileAndPublishes() {
    UUID user = UUID.randomUUID();
    JsonObject customer = create(user, Profiles.portland());
    UUID id = UUID.fromString(customer.getString("id"));
    try (EventRecorder deleted = new EventRecorder(vertx, CUSTOMERS_EVENTS_DELETED)) {
      JsonObject reply = bus.request(CUSTOMERS_PROFILE_DELETE, CustomerMessages.delete(CustomerKey.ofId(id), 1));
      assertEquals(new JsonObject().put("id", id.toString()).put("user_id", user.toString()).put("deleted", true), reply);
      assertEquals(reply, deleted.await(e -> e.getString("id").equals(id.toString())));
    }
    assertEquals(FailureCode.NOT_FOUND, bus.failure(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofId(id))).code());
    assertEquals(FailureCode.NOT_FOUND, bus.failure(CUSTOMERS_PROFILE_DELETE, CustomerMessages.delete(CustomerKey.ofId(id), null)).code());

    UUID other = UUID.randomUUID();
    create(other, Profiles.portland());
    bus.request(CUSTOMERS_PROFILE_DELETE, CustomerMessages.delete(CustomerKey.ofUser(other), null));
    assertFalse(bus.request(CUSTOMERS_PROFILE_EXISTS, CustomerMessages.exists(other)).getBoolean("exists"));
    // The user may create a new profile after deleting the old one.
    assertEquals(1, create(other, Profiles.portland()).getInteger("version"));
  }

  @Test
  void healthIsUpWhileTheDatabaseAnswers() {
    assertEquals("UP", bus.request(CUSTOMERS_HEALTH_CHECK, new JsonObject()).getString("status"));
  }
}
