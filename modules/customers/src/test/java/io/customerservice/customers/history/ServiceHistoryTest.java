package io.customerservice.customers.history;

import static io.customerservice.contract.Addresses.*;
import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.history.HistoryMessages;
import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.EventRecorder;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Service completions through the event bus, against the real store and PostgreSQL. */
@ExtendWith(VertxExtension.class)
class ServiceHistoryTest {

  private static Vertx vertx;
  private static Bus bus;

  @BeforeAll
  static void deploy(Vertx v) {
    vertx = v;
    bus = new Bus(v);
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase());
    Bus.await(v.deployVerticle(CustomerStoreVerticle.class, new DeploymentOptions().setConfig(config)));
    Bus.await(v.deployVerticle(ServiceHistoryVerticle.class, new DeploymentOptions().setConfig(config).setInstances(2)));
  }

  private static String newCustomer() {
    JsonObject profile = new JsonObject().put("street_address", "1 Main St").put("city", "Portland")
        .put("state", "OR").put("postal_code", "97201").put("country", "USA");
    return bus.request(CUSTOMERS_PROFILE_CREATE, CustomerMessages.create(UUID.randomUUID(), profile)).getString("id");
  }

  private static JsonObject customer(String id) {
    return bus.request(CUSTOMERS_PROFILE_GET, CustomerMessages.get(CustomerKey.ofId(UUID.fromString(id))));
  }

  private static JsonObject record(String customerId) {
    return new JsonObject().put("customer_id", customerId);
  }

  @Test
  void recordingAServiceAppendsHistoryBumpsTheCountersAndPublishes() {
    String id = newCustomer();
    try (EventRecorder recorded = new EventRecorder(vertx, HISTORY_EVENTS_SERVICE_RECORDED)) {
      JsonObject reply = bus.request(HISTORY_SERVICE_RECORD, record(id)
          .put("service_type", "plumbing").put("reference", "JOB-17").put("recorded_by", "scheduler"));

      assertFalse(reply.getBoolean(HistoryMessages.REPLAYED));
      JsonObject service = reply.getJsonObject(HistoryMessages.RECORD);
      assertEquals(id, service.getString("customer_id"));
      assertEquals("plumbing", service.getString("service_type"));
      assertEquals("JOB-17", service.getString("reference"));
      assertEquals("scheduler", service.getString("recorded_by"));
      JsonObject after = reply.getJsonObject(HistoryMessages.CUSTOMER);
      assertEquals(1, after.getInteger("total_services"));
      assertEquals(service.getString("service_date"), after.getString("last_service_date"));

      JsonObject now = customer(id);
      assertEquals(1, now.getInteger("total_services"));
      assertEquals(service.getString("service_date"), now.getString("last_service_date"));
      assertEquals(2, now.getInteger("version"), "the customer document changed, so its version did");
      assertEquals(now, after, "the reply carries the whole customer as the store reads it, so nobody need read it again");
      JsonObject event = recorded.await(e -> e.getJsonObject("record").getString("id").equals(service.getString("id")));
      assertEquals(service, event.getJsonObject("record"));
      assertEquals(now, event.getJsonObject(HistoryMessages.CUSTOMER), "the event carries the customer after the record, as the store's events do");
    }
  }

  @Test
  void aThousandConcurrentIncrementsOnOneCustomerCountExactly() {
    String id = newCustomer();
    List<Future<JsonObject>> increments = IntStream.range(0, 1000)
        .mapToObj(i -> bus.send(HISTORY_SERVICE_RECORD, record(id)))
        .toList();
    Bus.await(Future.all(increments));

    assertEquals(1000, customer(id).getInteger("total_services"));
    assertEquals(1000, bus.request(HISTORY_SERVICE_LIST, new JsonObject().put("id", id)).getLong("count"));
  }

  @Test
  void incrementsSpreadOverManyCustomersCountExactlyEach() {
    List<String> ids = IntStream.range(0, 50).mapToObj(i -> newCustomer()).toList();
    List<Future<JsonObject>> increments = IntStream.range(0, 1000)
        .mapToObj(i -> bus.send(HISTORY_SERVICE_RECORD, record(ids.get(i % ids.size()))))
        .toList();
    Bus.await(Future.all(increments));
    ids.forEach(id -> assertEquals(20, customer(id).getInteger("total_services")));
  }

  @Test
  void theSameIdempotencyKeyCountsOnceAndAnswersWithTheFirstRecord() {
    String id = newCustomer();
    JsonObject request = record(id).put("idempotency_key", "job-42-done").put("reference", "JOB-42");
    JsonObject first = bus.request(HISTORY_SERVICE_RECORD, request);
    JsonObject retry = bus.request(HISTORY_SERVICE_RECORD, request);

    assertTrue(retry.getBoolean(HistoryMessages.REPLAYED));
    assertEquals(first.getJsonObject(HistoryMessages.RECORD), retry.getJsonObject(HistoryMessages.RECORD));
    assertEquals(1, customer(id).getInteger("total_services"));
    assertEquals(customer(id), retry.getJsonObject(HistoryMessages.CUSTOMER), "a replay answers with the customer as it is now");
  }

  @Test
  void concurrentRetriesWithOneKeyCountOnce() {
    String id = newCustomer();
    JsonObject request = record(id).put("idempotency_key", UUID.randomUUID().toString());
    List<Future<JsonObject>> retries = IntStream.range(0, 50).mapToObj(i -> bus.send(HISTORY_SERVICE_RECORD, request)).toList();
    Bus.await(Future.all(retries));
    assertEquals(1, retries.stream().filter(r -> !r.result().getBoolean(HistoryMessages.REPLAYED)).count());
    assertEquals(1, customer(id).getInteger("total_services"));
  }

  @Test
  void aKeyReusedForAnotherServiceIsAConflict() {
    String id = newCustomer();
    String key = UUID.randomUUID().toString();
    bus.request(HISTORY_SERVICE_RECORD, record(id).put("idempotency_key", key).put("reference", "A"));
    assertEquals(FailureCode.CONFLICT, bus.failure(HISTORY_SERVICE_RECORD, record(id).put("idempotency_key", key).put("reference", "B")).code());
    assertEquals(FailureCode.CONFLICT, bus.failure(HISTORY_SERVICE_RECORD, record(newCustomer()).put("idempotency_key", key)).code());
    assertEquals(1, customer(id).getInteger("total_services"));
  }

  @Test
  void aLateReportOfAnOlderServiceNeverMovesTheLastDateBackwards() {
    String id = newCustomer();
    Instant recent = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Instant older = recent.minus(30, ChronoUnit.DAYS);
    bus.request(HISTORY_SERVICE_RECORD, record(id).put("service_date", recent.toString()));
    bus.request(HISTORY_SERVICE_RECORD, record(id).put("service_date", older.toString()));

    JsonObject now = customer(id);
    assertEquals(2, now.getInteger("total_services"));
    assertEquals(Instant.parse(now.getString("last_service_date")), recent);
    JsonObject history = bus.request(HISTORY_SERVICE_LIST, new JsonObject().put("id", id));
    assertEquals(List.of(recent, older), history.getJsonArray("results").stream()
        .map(r -> Instant.parse(((JsonObject) r).getString("service_date"))).toList(), "newest first");
  }

  @Test
  void badRequestsAreRefusedAndWriteNothing() {
    String id = newCustomer();
    assertInvalid(record("42"), "customer_id");
    assertInvalid(record(id).put("service_date", Instant.now().plus(1, ChronoUnit.DAYS).toString()), "service_date");
    assertInvalid(record(id).put("service_date", "yesterday"), "service_date");
    assertInvalid(record(id).put("service_type", "x".repeat(51)), "service_type");
    assertInvalid(record(id).put("reference", "r".repeat(101)), "reference");
    assertInvalid(record(id).put("idempotency_key", "has spaces in it"), "idempotency_key");
    assertInvalid(record(id).put("total_services", 5), "total_services");
    assertEquals(FailureCode.NOT_FOUND, bus.failure(HISTORY_SERVICE_RECORD, record(UUID.randomUUID().toString())).code());
    assertEquals(0, customer(id).getInteger("total_services"));
    assertEquals(0, bus.request(HISTORY_SERVICE_LIST, new JsonObject().put("id", id)).getLong("count"));
  }

  private static void assertInvalid(JsonObject request, String field) {
    ServiceFailure failure = bus.failure(HISTORY_SERVICE_RECORD, request);
    assertEquals(FailureCode.INVALID, failure.code(), request.encode());
    assertTrue(failure.fieldErrors().containsKey(field), failure.toJson().encode());
  }

  @Test
  void theHistoryIsPagedAndFoundByUserToo() {
    String id = newCustomer();
    IntStream.range(0, 7).forEach(i -> bus.request(HISTORY_SERVICE_RECORD, record(id)));
    String userId = customer(id).getString("user_id");
    JsonObject page = bus.request(HISTORY_SERVICE_LIST, new JsonObject().put("user_id", userId).put("page", 2).put("page_size", 5));
    assertEquals(7, page.getLong("count"));
    assertEquals(2, page.getJsonArray("results").size());
    assertEquals(FailureCode.NOT_FOUND, bus.failure(HISTORY_SERVICE_LIST, new JsonObject().put("user_id", UUID.randomUUID().toString())).code());
  }

  @Test
  void deletingACustomerDeletesItsHistory() {
    String id = newCustomer();
    String key = UUID.randomUUID().toString();
    bus.request(HISTORY_SERVICE_RECORD, record(id).put("idempotency_key", key));
    bus.request(CUSTOMERS_PROFILE_DELETE, CustomerMessages.delete(CustomerKey.ofId(UUID.fromString(id)), null));
    assertEquals(FailureCode.NOT_FOUND, bus.failure(HISTORY_SERVICE_LIST, new JsonObject().put("id", id)).code());
    // The key is free again only because its record went with the customer.
    String other = newCustomer();
    assertFalse(bus.request(HISTORY_SERVICE_RECORD, record(other).put("idempotency_key", key)).getBoolean(HistoryMessages.REPLAYED));
  }
}
