package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's increment_service and the service history, over real HTTP. */
class ServiceHistoryApiTest {

  @RegisterExtension
  static final ApiServer.PerClass SERVER = new ApiServer.PerClass();

  private static final String STAFF = Tokens.access(UUID.randomUUID(), "employee");

  private static String newCustomer(String token) {
    Reply reply = SERVER.api().post(Profiles.BASE + "profile/create/").token(token).json(Profiles.portland()).send();
    assertEquals(201, reply.status(), reply.toString());
    return reply.json().getString("id");
  }

  private static Reply increment(String id, JsonObject body) {
    return SERVER.api().post(Profiles.BASE + id + "/increment_service/").token(STAFF).json(body).send();
  }

  @Test
  void incrementServiceCountsOneAndAnswersWithTheCustomer() {
    String id = newCustomer(Tokens.access(UUID.randomUUID(), "customer"));
    Reply reply = increment(id, new JsonObject().put("service_type", "hvac").put("reference", "JOB-1"));

    assertEquals(200, reply.status(), reply.toString());
    JsonObject body = reply.json();
    assertEquals(1, body.getInteger("total_services"));
    assertNotNull(body.getString("last_service_date"));
    assertEquals("hvac", body.getJsonObject("service_record").getString("service_type"));
    assertTrue(body.getJsonObject("service_record").getString("recorded_by").startsWith("employee:"));
    assertEquals("\"v2\"", reply.header("ETag"));
    JsonObject asRead = SERVER.api().get(Profiles.BASE + id + "/").token(STAFF).send().json();
    body.remove("service_record");
    assertEquals(asRead, body, "the customer in the answer is the one a staff GET reads after it, every field");

    Reply empty = SERVER.api().post(Profiles.BASE + id + "/increment_service/").token(STAFF).send();
    assertEquals(2, empty.json().getInteger("total_services"), "every field is optional");
  }

  @Test
  void twoHundredConcurrentIncrementsOverHttpCountExactly() throws Exception {
    String id = newCustomer(Tokens.access(UUID.randomUUID(), "customer"));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Callable<Integer>> calls = IntStream.range(0, 200)
          .<Callable<Integer>>mapToObj(i -> () -> increment(id, new JsonObject()).status()).toList();
      List<Integer> statuses = pool.invokeAll(calls).stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }).toList();
      assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    JsonObject customer = SERVER.api().get(Profiles.BASE + id + "/").token(STAFF).send().json();
    assertEquals(200, customer.getInteger("total_services"));
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyCountsOnce() {
    String id = newCustomer(Tokens.access(UUID.randomUUID(), "customer"));
    String key = UUID.randomUUID().toString();
    Reply first = SERVER.api().post(Profiles.BASE + id + "/increment_service/").token(STAFF)
        .header("Idempotency-Key", key).json(new JsonObject()).send();
    Reply retry = SERVER.api().post(Profiles.BASE + id + "/increment_service/").token(STAFF)
        .header("Idempotency-Key", key).json(new JsonObject()).send();

    assertEquals(200, retry.status());
    assertEquals("true", retry.header("Idempotent-Replayed"));
    assertNull(first.header("Idempotent-Replayed"));
    assertEquals(first.json().getJsonObject("service_record"), retry.json().getJsonObject("service_record"));
    assertEquals(1, retry.json().getInteger("total_services"));
  }

  @Test
  void badIncrementsAreRefusedAndCountNothing() {
    String id = newCustomer(Tokens.access(UUID.randomUUID(), "customer"));
    String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
    assertEquals(400, increment(id, new JsonObject().put("service_date", future)).status());
    assertEquals(400, increment(id, new JsonObject().put("customer_id", UUID.randomUUID().toString())).status());
    assertEquals(400, increment(id, new JsonObject().put("reference", "r".repeat(500))).status());
    assertEquals(404, increment(UUID.randomUUID().toString(), new JsonObject()).status());
    assertEquals(404, increment("not-a-uuid", new JsonObject()).status());
    assertEquals(403, SERVER.api().post(Profiles.BASE + id + "/increment_service/")
        .token(Tokens.access(UUID.randomUUID(), "customer")).json(new JsonObject()).send().status());
    assertEquals(0, SERVER.api().get(Profiles.BASE + id + "/").token(STAFF).send().json().getInteger("total_services"));
  }

  @Test
  void staffAndTheCustomerSeeTheHistoryNewestFirstPaged() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    String id = newCustomer(token);
    Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    for (int day = 0; day < 3; day++) {
      increment(id, new JsonObject().put("service_date", base.plus(day, ChronoUnit.DAYS).toString()));
    }

    JsonObject staffPage = SERVER.api().get(Profiles.BASE + id + "/service_history/?page_size=2").token(STAFF).send().json();
    assertEquals(3, staffPage.getLong("count"));
    assertEquals(2, staffPage.getJsonArray("results").size());
    assertNotNull(staffPage.getString("next"));
    assertEquals(base.plus(2, ChronoUnit.DAYS), Instant.parse(staffPage.getJsonArray("results").getJsonObject(0).getString("service_date")));
    JsonObject lastPage = SERVER.api().get(Profiles.BASE + id + "/service_history/?page_size=2&page=last").token(STAFF).send().json();
    assertEquals(base, Instant.parse(lastPage.getJsonArray("results").getJsonObject(0).getString("service_date")), "page=last: the oldest");
    assertNull(lastPage.getValue("next"));

    Reply own = SERVER.api().get(Profiles.BASE + "profile/service_history/").token(token).send();
    assertEquals(200, own.status(), own.toString());
    assertEquals(3, own.json().getLong("count"));
    assertEquals(404, SERVER.api().get(Profiles.BASE + "profile/service_history/")
        .token(Tokens.access(UUID.randomUUID(), "customer")).send().status());
    assertEquals(403, SERVER.api().get(Profiles.BASE + id + "/service_history/").token(token).send().status());
  }
}
