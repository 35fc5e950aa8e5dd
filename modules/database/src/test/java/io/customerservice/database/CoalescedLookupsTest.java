package io.customerservice.database;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.runtime.CoalescedLookups;
import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lookups asked together share statements against a real PostgreSQL, and each caller still gets
 * the answer to its own key. The statements sent are recorded by wrapping the real one.
 */
class CoalescedLookupsTest {

  /** Sleeps {@code $2} seconds once per statement, so a test can ask while one is running. */
  private static final String FIND = "SELECT key, name FROM item, pg_sleep($2) WHERE key = ANY($1)";
  /** Fails with division by zero whenever key 13 is among those asked. */
  private static final String FIND_BUT_NOT_13 = "SELECT key, name FROM item, pg_sleep($2) WHERE key = ANY($1) AND 1 / (key - 13) IS NOT NULL";
  private static final int UNBOUNDED = -1;

  private static Vertx vertx;
  private static Database database;
  private final List<List<Integer>> statements = new CopyOnWriteArrayList<>();
  /** The context each statement was sent from. */
  private final List<Context> sentFrom = new CopyOnWriteArrayList<>();
  private final Context context = vertx.getOrCreateContext();

  @BeforeAll
  static void createItems() {
    vertx = Vertx.vertx();
    database = DatabasePool.open(vertx, DatabaseSettings.from(new Settings(TestConfig.withDefaults(TestPostgres.newDatabase()))));
    Bus.await(database.pool().query("CREATE TABLE item (key int PRIMARY KEY, name text NOT NULL)").execute()
        .compose(created -> database.pool().query("INSERT INTO item SELECT g, 'item' || g FROM generate_series(1, 200) g").execute()));
  }

  @AfterAll
  static void close() {
    Bus.await(vertx.close());
  }

  @Test
  void keysAskedInOneTurnShareOneStatementAndEachCallerGetsItsOwnAnswer() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0, 2, UNBOUNDED);

    List<Future<JsonObject>> answers = askInOneTurn(lookups, List.of(5, 7, 5, 1000, 9));

    assertEquals(List.of("item5", "item7", "item5"), names(answers.subList(0, 3)));
    assertNull(Bus.await(answers.get(3)), "no row has key 1000");
    assertEquals("item9", Bus.await(answers.get(4)).getString("name"));
    assertNotSame(answers.get(0).result(), answers.get(2).result(), "each caller may change its own document");
    assertEquals(List.of(List.of(5, 7, 1000, 9)), statements);
  }

  @Test
  void keysAskedWhileTheStatementsRunGatherIntoTheNextOne() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0.3, 1, UNBOUNDED);

    List<Future<JsonObject>> answers = new ArrayList<>(askInOneTurn(lookups, List.of(1)));
    answers.addAll(askInOneTurn(lookups, List.of(2)));
    answers.addAll(askInOneTurn(lookups, List.of(3, 4)));

    assertEquals(List.of("item1", "item2", "item3", "item4"), names(answers));
    assertEquals(List.of(List.of(1), List.of(2, 3, 4)), statements);
  }

  @Test
  void aBusyTurnIsSplitIntoStatementsOfAtMostTheBatchSize() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0, 4, UNBOUNDED);
    List<Integer> keys = IntStream.rangeClosed(1, 150).boxed().toList();

    List<Future<JsonObject>> answers = askInOneTurn(lookups, keys);

    assertEquals(keys.stream().map(key -> "item" + key).toList(), names(answers));
    assertEquals(List.of(64, 64, 22), statements.stream().map(List::size).toList());
  }

  @Test
  void pastTheWaitingBoundALookupIsRefusedAtOnceAsUnavailable() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0.3, 1, 2);

    List<Future<JsonObject>> running = askInOneTurn(lookups, List.of(1));
    List<Future<JsonObject>> waiting = askInOneTurn(lookups, List.of(2, 3));
    Future<JsonObject> refused = askInOneTurn(lookups, List.of(4)).get(0);

    assertTrue(refused.failed(), "refused without waiting for the database");
    assertEquals(FailureCode.UNAVAILABLE, ServiceFailure.from(refused.cause()).code());
    assertEquals(List.of("item1", "item2", "item3"), names(List.of(running.get(0), waiting.get(0), waiting.get(1))));
  }

  @Test
  void aGroupWhoseKeysWouldNotAllFitUnderTheWaitingBoundIsRefusedWhole() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0.3, 1, 3);
    CompletableFuture<Future<Map<Integer, JsonObject>>> asked = new CompletableFuture<>();

    List<Future<JsonObject>> running = askInOneTurn(lookups, List.of(1));
    List<Future<JsonObject>> waiting = askInOneTurn(lookups, List.of(2, 3));
    context.runOnContext(turn -> asked.complete(lookups.findAll(List.of(5, 6))));
    Future<Map<Integer, JsonObject>> refused = Bus.await(Future.fromCompletionStage(asked));

    assertTrue(refused.failed(), "two keys more than the one place left: refused without waiting for the database");
    assertEquals(FailureCode.UNAVAILABLE, ServiceFailure.from(refused.cause()).code());
    assertEquals(List.of("item1", "item2", "item3"), names(List.of(running.get(0), waiting.get(0), waiting.get(1))));
    assertEquals(List.of(List.of(1), List.of(2, 3)), statements, "the group's keys never reached the database");
  }

  @Test
  void aGroupLargerThanTheWaitingBoundIsReadWhenNothingElseWaits() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0, 1, 3);
    CompletableFuture<Future<Map<Integer, JsonObject>>> asked = new CompletableFuture<>();

    context.runOnContext(turn -> asked.complete(lookups.findAll(List.of(1, 2, 3, 4, 5))));
    Map<Integer, JsonObject> found = Bus.await(Bus.await(Future.fromCompletionStage(asked)));

    assertEquals(Set.of(1, 2, 3, 4, 5), found.keySet(), "a get-many of more keys than the bound is not refused for ever");
  }

  @Test
  void aStatementSentWhenAnEarlierOneReturnsGoesFromTheVerticlesContextNotFromTheFirstRequests() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0.3, 1, UNBOUNDED);
    Context request = ((ContextInternal) context).duplicate();
    CompletableFuture<Future<JsonObject>> asked = new CompletableFuture<>();

    request.runOnContext(turn -> asked.complete(lookups.find(1)));
    Future<JsonObject> first = Bus.await(Future.fromCompletionStage(asked));
    List<Future<JsonObject>> gathered = askInOneTurn(lookups, List.of(2));

    assertEquals(List.of("item1", "item2"), names(List.of(first, gathered.get(0))));
    assertEquals(List.of(request, context), sentFrom,
        "the first statement belongs to the request that opened it (its trace); the next serves whoever gathered");
  }

  @Test
  void aFailedStatementFailsItsCallersAndTheNextLookupStillWorks() {
    CoalescedLookups<Integer> lookups = lookups(FIND_BUT_NOT_13, 0, 2, UNBOUNDED);

    List<Future<JsonObject>> failed = askInOneTurn(lookups, List.of(12, 13));
    Bus.await(Future.join(failed).otherwiseEmpty());
    for (Future<JsonObject> answer : failed) {
      PgException error = assertInstanceOf(PgException.class, answer.cause());
      assertEquals("22012", error.getSqlState(), "division by zero");
    }
    assertEquals(List.of("item12"), names(askInOneTurn(lookups, List.of(12))));
  }

  @Test
  void aGroupTravelsWithTheLookupsOfItsTurnAndIsAnsweredOnceWithTheKeysFound() {
    CoalescedLookups<Integer> lookups = lookups(FIND, 0, 2, UNBOUNDED);
    CompletableFuture<Future<Map<Integer, JsonObject>>> asked = new CompletableFuture<>();

    context.runOnContext(turn -> {
      lookups.find(3);
      asked.complete(lookups.findAll(List.of(3, 4, 1000, 4)));
    });
    Map<Integer, JsonObject> found = Bus.await(Bus.await(Future.fromCompletionStage(asked)));

    assertEquals(Map.of(3, "item3", 4, "item4"), found.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getString("name"))));
    assertEquals(List.of(List.of(3, 4, 1000)), statements, "one statement for the lone lookup and the group");
  }

  @Test
  void aGroupFailsAsAWholeWhenAStatementOfItFails() {
    CoalescedLookups<Integer> lookups = lookups(FIND_BUT_NOT_13, 0, 2, UNBOUNDED);
    CompletableFuture<Future<Map<Integer, JsonObject>>> asked = new CompletableFuture<>();

    context.runOnContext(turn -> asked.complete(lookups.findAll(List.of(12, 13))));
    Future<Map<Integer, JsonObject>> group = Bus.await(Future.fromCompletionStage(asked));
    Bus.await(group.otherwiseEmpty());

    assertEquals("22012", assertInstanceOf(PgException.class, group.cause()).getSqlState(), "division by zero");
  }

  @Test
  void theLookupConnectionsUseGenericPlans() {
    Row setting = Bus.await(database.lookups().query("SHOW plan_cache_mode").execute()).iterator().next();
    assertEquals("force_generic_plan", setting.getString(0));
  }

  private CoalescedLookups<Integer> lookups(String sql, double sleepSeconds, int maxInFlight, int maxWaiting) {
    return new CoalescedLookups<>(context, maxInFlight, maxWaiting, CoalescedLookups.keyedBy(keys -> {
      statements.add(List.copyOf(keys));
      sentFrom.add(Vertx.currentContext());
      return database.lookups().preparedQuery(sql).execute(Tuple.of(keys.toArray(new Integer[0]), sleepSeconds))
          .map(rows -> {
            List<JsonObject> documents = new ArrayList<>();
            rows.forEach(row -> documents.add(new JsonObject().put("key", row.getInteger("key")).put("name", row.getString("name"))));
            return documents;
          });
    }, document -> document.getInteger("key")));
  }

  /** Asks for every key within one turn of the context's event loop; returns once the turn is over. */
  private List<Future<JsonObject>> askInOneTurn(CoalescedLookups<Integer> lookups, List<Integer> keys) {
    CompletableFuture<List<Future<JsonObject>>> asked = new CompletableFuture<>();
    context.runOnContext(turn -> asked.complete(keys.stream().map(lookups::find).toList()));
    return Bus.await(Future.fromCompletionStage(asked));
  }

  private static List<String> names(List<Future<JsonObject>> answers) {
    return answers.stream().map(answer -> Bus.await(answer).getString("name")).toList();
  }
}
