package io.customerservice.http;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.testkit.HttpApi.Reply;
import io.customerservice.testkit.RawHttp.Answer;
import io.customerservice.testkit.RawHttp;
import io.customerservice.testkit.Tokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** One example of each class of hostile input the customer API refuses or survives (the properties generate the rest). */
class HostileInputTest {

  @RegisterExtension
  static final ApiServer.PerClass SERVER = new ApiServer.PerClass();

  private static final String CREATE = Profiles.BASE + "profile/create/";
  private static final String PROFILE = Profiles.BASE + "profile/";
  private static final String STAFF = Tokens.access(UUID.randomUUID(), "employee");
  private static final String REFUSED_CHARACTER = "which is not allowed (control, invisible or bidirectional formatting characters).";

  private static String firstId;

  @BeforeAll
  static void twoCustomers() {
    firstId = create(Tokens.access(UUID.randomUUID(), "customer"), Profiles.portland()).json().getString("id");
    create(Tokens.access(UUID.randomUUID(), "customer"), Profiles.portland());
  }

  private static Reply create(String token, JsonObject profile) {
    return SERVER.api().post(CREATE).token(token).json(profile).send();
  }

  private static Reply createRaw(String token, String json) {
    return SERVER.api().post(CREATE).token(token).body(json, "application/json").send();
  }

  private static RawHttp raw() {
    return new RawHttp(Integer.parseInt(SERVER.api().base().substring(SERVER.api().base().lastIndexOf(':') + 1)), Duration.ofSeconds(15));
  }

  private static JsonArray errors(Reply reply, String field) {
    assertEquals(400, reply.status(), reply::toString);
    return reply.json().getJsonArray(field);
  }

  @Test
  void preferencesThatCouldNotBeStoredExactlyOrWrittenBackAreRefusedAndNothingIsStored() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    String profile = Profiles.portland().encode();
    Map<String, String> refused = Map.of(
        "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}", "Nested more than 4 levels deep.",
        "{\"a\":1e400}", "Numbers must be finite (this one is out of range).",
        "{\"a\":\"\\ud800\"}", "Contains an unpaired surrogate (\\uD800), which is not valid Unicode text.",
        new JsonObject(IntStream.range(0, 101).boxed().collect(java.util.stream.Collectors.toMap(i -> "k" + i, i -> (Object) i))).encode(),
        "Holds more than 100 members and items in all.",
        "{\"a\\u202eb\":true}", "Member name: Contains the character U+202E, " + REFUSED_CHARACTER);
    refused.forEach((preferences, message) -> {
      Reply reply = createRaw(token, profile.substring(0, profile.length() - 1) + ",\"notification_preferences\":" + preferences + "}");
      assertEquals(List.of(message), errors(reply, "notification_preferences").getList(), preferences);
    });
    assertEquals(404, SERVER.api().get(PROFILE).token(token).send().status(), "nothing was stored");

    String thousandDeep = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
    Reply deep = createRaw(token, profile.substring(0, profile.length() - 1) + ",\"notification_preferences\":" + thousandDeep + "}");
    assertEquals(400, deep.status(), deep::toString);
    assertTrue(deep.json().getString("detail").startsWith("JSON parse error"), deep::toString);

    JsonObject fourDeep = new JsonObject().put("email", new JsonObject().put("weekly", new JsonObject().put("days", new JsonArray().add("mon"))));
    Reply stored = create(token, Profiles.portland().put("notification_preferences", fourDeep));
    assertEquals(201, stored.status(), stored::toString);
    assertEquals(fourDeep, stored.json().getJsonObject("notification_preferences"));
  }

  @Test
  void aStoredValueThatCannotBeWrittenBackStillGetsAnAnswerAndTheLogGetsItsRequestId() throws Exception {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    String id = create(token, Profiles.portland()).json().getString("id");
    // What an earlier version let through: nesting the JSON codec still reads (its limit is 1000)
    // but cannot write once the answer wraps it, so building the answer itself fails.
    String poison = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
    try (Connection c = database(); PreparedStatement update = c.prepareStatement(
        "UPDATE customers.customer SET notification_preferences = ?::jsonb WHERE id = ?::uuid")) {
      update.setString(1, poison);
      update.setString(2, id);
      assertEquals(1, update.executeUpdate());
    }
    ListAppender<ILoggingEvent> written = new ListAppender<>();
    written.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(written);
    try {
      for (String path : List.of(Profiles.BASE + "?page_size=100", Profiles.BASE + id + "/")) {
        Reply reply = SERVER.api().get(path).token(STAFF).header("X-Request-Id", "poisoned-" + path.length()).send();
        assertEquals(500, reply.status(), reply::toString);
        assertEquals(new JsonObject().put("detail", "A server error occurred."), reply.json());
        String log;
        synchronized (written) {
          log = written.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
              .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage() + "\n").reduce("", String::concat);
        }
        assertTrue(log.contains("Request poisoned-" + path.length() + ": the 200 answer to GET"), log);
        assertTrue(log.contains("could not be encoded"), "the edge's own encoding failed and was answered: " + log);
      }
    } finally {
      root.detachAppender(written);
    }
    assertEquals(200, SERVER.api().get(Profiles.BASE + firstId + "/").token(STAFF).send().status(), "the rest is served");
  }

  @Test
  void bodiesThatAreNotJsonAre415BeforeAnyOfThemIsDecodedAndRoutesWithoutBodiesIgnoreThem() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=", ";", "application/json; charset=latin1")) {
      for (String caller : new String[] {token, null}) {
        var call = SERVER.api().post(CREATE).body("a=%zz", type);
        Reply reply = (caller == null ? call : call.token(caller)).send();
        assertEquals(415, reply.status(), type + ": " + reply);
        assertTrue(reply.json().getString("detail").startsWith("Unsupported media type"), reply::toString);
      }
    }
    // The test client speaks HTTP/2 after its first request: a body of unknown length has no Content-Length there.
    for (int i = 0; i < 2; i++) {
      Reply streamed = SERVER.api().post(CREATE).token(token).body("a=%zz", "application/x-www-form-urlencoded").withoutLength().send();
      assertEquals(415, streamed.status(), streamed::toString);
    }
    assertEquals(404, SERVER.api().get(PROFILE).token(token).send().status(), "nothing was stored");
    Reply ignored = SERVER.api().call("GET", Profiles.BASE + firstId + "/").token(STAFF).body("a=%", "application/x-www-form-urlencoded").send();
    assertEquals(200, ignored.status(), ignored::toString);
  }

  @Test
  void controlAndInvisibleCharactersAreRefusedWithTheFieldNamedInBodiesAndQueries() {
    String token = Tokens.access(UUID.randomUUID(), "customer");
    for (int c : new int[] {0x00, 0x07, 0x09, 0x0A, 0x0D, 0x85, 0x9B, 0x2028, 0x202E, 0x2066, 0x200B, 0xFEFF, 0xAD}) {
      Reply reply = create(token, Profiles.portland().put("city", "Port" + Character.toString(c) + "land"));
      assertEquals(List.of("Contains the character U+" + String.format("%04X", c) + ", " + REFUSED_CHARACTER),
          errors(reply, "city").getList(), "U+" + Integer.toHexString(c));
    }
    assertEquals(404, SERVER.api().get(PROFILE).token(token).send().status(), "nothing was stored");
    Reply search = SERVER.api().get(Profiles.BASE + "?search=a%E2%80%AEb").token(STAFF).send();
    assertEquals(List.of("Contains the character U+202E, " + REFUSED_CHARACTER), errors(search, "search").getList());
    String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
    Reply emoji = create(token, Profiles.portland().put("company_name", "Plumbing \uD83D\uDC69\u200D\uD83D\uDD27 " + scotland));
    assertEquals(201, emoji.status(), "joiners stay allowed: " + emoji);
  }

  @Test
  void pagesPastTheEndAreInvalidWhateverTheNumberAndMalformedQueriesAre400() {
    for (String page : List.of("1000", "1073741825", "2147483647", "2147483648", "99999999999999999999", "0", "-1", "x")) {
      for (String path : List.of(Profiles.BASE + "?page_size=1&page=", Profiles.BASE + firstId + "/service_history/?page=")) {
        Reply reply = SERVER.api().get(path + page).token(STAFF).send();
        assertEquals(404, reply.status(), path + page + ": " + reply);
        assertEquals("Invalid page.", reply.json().getString("detail"));
      }
    }
    for (String path : List.of(Profiles.BASE + "?page=%zz", Profiles.BASE + firstId + "/service_history/?page=%")) {
      Answer answer = raw().exchange("GET " + path + " HTTP/1.1", List.of("Host: localhost", "Authorization: Bearer " + STAFF), new byte[0]);
      assertEquals(400, answer.status(), path + ": " + answer);
      assertTrue(new JsonObject(answer.body()).getString("detail").startsWith("The query string is malformed"), answer::toString);
    }
  }

  /** Requests the HTTP decoder cannot read never reach a route; they still get the API's shape. */
  @Test
  void requestsThatCannotBeReadAsHttpGetTheirStatusWithADetail() {
    RawHttp raw = raw();
    Map<Answer, Integer> expected = Map.of(
        raw.exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1", List.of("Host: localhost"), new byte[0]), 414,
        raw.exchange("GET /health/live HTTP/1.1", List.of("Host: localhost", "X-Big: " + "a".repeat(20_000)), new byte[0]), 431,
        raw.exchange("GET /health/live HTTP/1.1", List.of("Host: localhost", "Not a header line"), new byte[0]), 400,
        raw.exchange("GARBAGE", List.of(), new byte[0]), 400);
    expected.forEach((answer, status) -> {
      assertEquals(status, answer.status(), answer::toString);
      assertEquals("application/json", answer.reply().header("Content-Type"), answer.head());
      assertFalse(new JsonObject(answer.body()).getString("detail").isBlank(), answer::toString);
      answer.assertSafeForClients();
    });
  }

  /** A body that breaks its own chunked framing cannot be answered, but it is the client's fault, not a server error. */
  @Test
  void aChunkSizeThatIsNotANumberClosesTheConnectionWithoutAnErrorInTheLog() throws Exception {
    ListAppender<ILoggingEvent> written = new ListAppender<>();
    written.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(written);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.parseInt(SERVER.api().base().substring(SERVER.api().base().lastIndexOf(':') + 1)))) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(("POST " + Profiles.BASE + "profile/create/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      assertEquals(-1, socket.getInputStream().read(new byte[8192]), "nothing can follow a broken frame: the connection is closed");
    } finally {
      root.detachAppender(written);
    }
    synchronized (written) {
      assertEquals(List.of(), written.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
          .map(ILoggingEvent::getFormattedMessage).toList());
    }
    assertEquals(200, SERVER.api().get(Profiles.BASE + firstId + "/").token(STAFF).send().status(), "the rest is served");
  }

  @Test
  void linksAreRelativeWithoutAPublicBaseUrlAndNoHostHeaderBreaksARequest() {
    RawHttp raw = raw();
    String auth = "Authorization: Bearer " + STAFF;
    for (String path : List.of(Profiles.BASE, "/" + Profiles.BASE)) {
      Answer evil = raw.exchange("GET " + path + "?page_size=1 HTTP/1.1", List.of("Host: evil.example", auth), new byte[0]);
      assertEquals(200, evil.status(), evil::toString);
      assertEquals(Profiles.BASE + "?page_size=1&page=2", new JsonObject(evil.body()).getString("next"));
    }
    for (String host : List.of("a\"b", "a b", "x:99999")) {
      Answer malformed = raw.exchange("GET " + Profiles.BASE + "?page_size=1&page=2 HTTP/1.1", List.of("Host: " + host, auth), new byte[0]);
      assertEquals(400, malformed.status(), host + ": " + malformed);
      assertEquals("The Host header is missing or is not a host and port.", new JsonObject(malformed.body()).getString("detail"));
    }
    Answer upperCase = raw.exchange("GET " + Profiles.BASE + "?page_size=1&PAGE=2 HTTP/1.1", List.of("Host: localhost", auth), new byte[0]);
    assertEquals(Profiles.BASE + "?page_size=1", new JsonObject(upperCase.body()).getString("previous"), "one page parameter, whatever its case");
    Answer noHost = raw.exchange("GET " + Profiles.BASE + "?page_size=1&page=2 HTTP/1.0", List.of(auth), new byte[0]);
    assertEquals(200, noHost.status(), noHost::toString);
    assertEquals(Profiles.BASE + "?page_size=1", new JsonObject(noHost.body()).getString("previous"));
  }

  @Test
  void signedTokensWhoseTimeClaimsAreNotNumbersAre401() {
    for (Map.Entry<String, Object> claim : Map.<String, Object>of("exp", "soon", "iat", "x", "nbf", new JsonObject()).entrySet()) {
      JsonObject claims = Tokens.claims(UUID.randomUUID(), "customer").put(claim.getKey(), claim.getValue());
      Reply reply = SERVER.api().get(PROFILE).token(Tokens.sign(claims)).send();
      assertEquals(401, reply.status(), claim + ": " + reply);
      assertEquals("token_not_valid", reply.json().getString("code"));
    }
  }

  private static Connection database() throws Exception {
    JsonObject config = SERVER.config();
    return DriverManager.getConnection("jdbc:postgresql://" + config.getString(DatabaseSettings.DB_HOST) + ":" + config.getInteger(DatabaseSettings.DB_PORT)
        + "/" + config.getString(DatabaseSettings.DB_DATABASE), config.getString(DatabaseSettings.DB_USER), config.getString(DatabaseSettings.DB_PASSWORD));
  }
}
