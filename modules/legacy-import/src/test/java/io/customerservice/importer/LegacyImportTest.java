package io.customerservice.importer;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthServiceVerticle;
import io.customerservice.auth.AuthSettings;
import io.customerservice.authproxy.AuthProxyVerticle;
import io.customerservice.customers.CustomerStoreVerticle;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.customerservice.testkit.Tokens;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a generated export with known defects into the real customer store, with users in
 * the real authentication service found through the real auth proxy, counted exactly.
 */
class LegacyImportTest {

  private static final String HEADER = "user_id,first_name,last_name,email,phone,address,company_name,emergency_contact_name,"
      + "emergency_contact_phone,is_verified,created_at";
  private static final String[] ADDRESSES = {
      "%d Main St, Portland, OR, 97201", "%d Elm Street Apt 4, Seattle, Washington 98101-1234",
      "%d Oak Ave\nAustin, TX 78701, USA", "%d Pine Rd Boston, MA 02108", "%d Queen St W, Toronto, ON M5H 2M9, Canada",
      "%d High Street, London, SW1A 1AA, UK"};
  private static final int GOOD = 2400;
  private static final int UNKNOWN_EMAIL = 150;
  private static final int BAD_ADDRESS = 150;
  private static final int DUPLICATE = 100;
  private static final int BAD_COMPANY = 100;
  private static final int TRUNCATED = 50;
  private static final int BAD_BOOLEAN = 50;
  private static final int RENAMED = 200;

  private Vertx vertx;
  private JsonObject config;

  @BeforeEach
  void start() {
    config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(JwtSettings.JWT_SECRET, Tokens.SECRET).put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000);
    vertx = Vertx.vertx();
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    Bus.await(vertx.deployVerticle(CustomerStoreVerticle.class, options));
    Bus.await(vertx.deployVerticle(AuthServiceVerticle.class, options));
    Bus.await(vertx.deployVerticle(AuthProxyVerticle.class, options));
  }

  @AfterEach
  void stop() {
    Bus.await(vertx.close());
  }

  private ImportOptions options(Path input, boolean dryRun) {
    return new ImportOptions(input, input.resolveSibling("rejects.csv"), input.resolveSibling("mismatches.csv"),
        dryRun, 500, LegacyImporter.DEFAULT_MIN_CONFIDENCE, false, false, staffToken());
  }

  private static String staffToken() {
    return Tokens.sign(Tokens.claims(UUID.randomUUID(), "admin"));
  }

  @Test
  void aGeneratedExportWithKnownDefectsIsCountedExactlyAndASecondRunImportsNothing(@TempDir Path dir) throws Exception {
    Path input = generate(dir, 0);

    ImportSummary dry = new LegacyImporter(vertx, options(input, true), p -> { }).run();
    assertEquals(GOOD, dry.imported(), dry.report(true));
    assertEquals(0, customers(), "a dry run writes nothing");

    ImportSummary first = new LegacyImporter(vertx, options(input, false), p -> { }).run();

    assertEquals(GOOD, first.imported(), first.report(false));
    assertEquals(DUPLICATE, first.present());
    assertEquals(Map.of(
        "no user with this email in the authentication service", (long) UNKNOWN_EMAIL,
        "address not parsed with confidence: No postal code (US ZIP, Canadian or UK postcode) at the end of the address.", (long) BAD_ADDRESS,
        "invalid company_name", (long) BAD_COMPANY,
        "Truncated or overlong line: 5 of 11 columns.", (long) TRUNCATED,
        "is_verified is not a boolean", (long) BAD_BOOLEAN), first.rejected());
    assertEquals(RENAMED, first.mismatches());
    assertEquals(GOOD + DUPLICATE + UNKNOWN_EMAIL + BAD_ADDRESS + BAD_COMPANY + TRUNCATED + BAD_BOOLEAN, first.rows(), "every row accounted for");
    assertEquals(GOOD, customers());
    try (var rejects = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(dir.resolve("rejects.csv")))) {
      assertEquals(first.rejectedTotal(), rejects.getRecords().size(), "every rejected row is in the rejects file");
    }
    assertTrue(Files.readString(dir.resolve("rejects.csv")).startsWith(HEADER + ",_line,_reason"));
    assertEquals(List.of("USA", "Canada", "United Kingdom"), countries());

    ImportSummary second = new LegacyImporter(vertx, options(input, false), p -> { }).run();
    assertEquals(0, second.imported());
    assertEquals(GOOD + DUPLICATE, second.present());
    assertEquals(GOOD, customers());
  }

  @Test
  void anInterruptedImportResumesWhereItStoppedAndCountsTheSame(@TempDir Path dir) throws Exception {
    Path input = generate(dir, 0);
    int[] batches = {0};
    RuntimeException interrupted = new RuntimeException("interrupted");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> new LegacyImporter(vertx, options(input, false), p -> {
      if (++batches[0] == 3) {
        throw interrupted;
      }
    }).run());
    assertSame(interrupted, thrown);
    assertTrue(Files.exists(input.resolveSibling(input.getFileName() + ".import-state.json")));
    long afterInterruption = customers();
    assertTrue(afterInterruption > 0 && afterInterruption < GOOD, "stopped part way: " + afterInterruption);

    ImportSummary resumed = new LegacyImporter(vertx, options(input, false), p -> { }).run();
    assertEquals(GOOD, resumed.imported(), resumed.report(false));
    assertEquals(DUPLICATE, resumed.present());
    assertEquals(UNKNOWN_EMAIL + BAD_ADDRESS + BAD_COMPANY + TRUNCATED + BAD_BOOLEAN, resumed.rejectedTotal(), resumed.report(false));
    assertEquals(GOOD, customers());
    assertFalse(Files.exists(input.resolveSibling(input.getFileName() + ".import-state.json")), "the checkpoint goes when the run completes");
  }

  @Test
  void filesThatAreWrongAsAWholeAreRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
    Path unknownColumn = Files.writeString(dir.resolve("columns.csv"), "email,adress\na@example.com,1 Main St\n");
    assertRefused(unknownColumn, "unknown column(s) [adress]");
    Path missing = Files.writeString(dir.resolve("missing.csv"), "email,first_name\na@example.com,Ada\n");
    assertRefused(missing, "missing required column(s) [address]");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, (HEADER + "\n1,Jos\u00e9,X,jose@example.com,,\"1 Main St, Portland, OR 97201\",,,,true,2020-01-01\n").getBytes(StandardCharsets.ISO_8859_1));
    assertRefused(latin1, "not UTF-8 (line 2)");
    Path unterminated = Files.writeString(dir.resolve("cut.csv"), HEADER + "\n1,Ada,L,ada@example.com,,\"1 Main St, Portl");
    assertRefused(unterminated, "not readable as CSV");
    assertEquals(0, customers());
  }

  @Test
  void jsonLinesWorkAndABrokenLineIsRejectedNotFatal(@TempDir Path dir) throws Exception {
    String email = registered(1).get(0);
    Path input = Files.writeString(dir.resolve("export.jsonl"),
        new JsonObject().put("user_id", 7).put("email", email).put("address", "1 Main St, Portland, OR 97201").put("is_verified", true).encode() + "\n"
            + "{\"user_id\": 8, \"email\": \"x@example.com\", \"addr\n");
    ImportSummary summary = new LegacyImporter(vertx, options(input, false), p -> { }).run();
    assertEquals(1, summary.imported());
    assertEquals(Map.of("Not a JSON object (a truncated line?).", 1L), summary.rejected());
  }

  private void assertRefused(Path input, String message) {
    LegacyFile.LegacyFileException error = assertThrows(LegacyFile.LegacyFileException.class,
        () -> new LegacyImporter(vertx, options(input, false), p -> { }).run());
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }

  /** Writes the export: good rows first, then each kind of defect, interleaved. */
  private Path generate(Path dir, int offset) throws Exception {
    List<String> emails = registered(GOOD + BAD_COMPANY + BAD_BOOLEAN);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < GOOD; i++) {
      String first = i < RENAMED ? "Renamed" : "Ada";
      rows.add(row(i, first, emails.get(i), String.format(ADDRESSES[i % ADDRESSES.length], 100 + i), "Acme " + i, "true"));
    }
    for (int i = 0; i < UNKNOWN_EMAIL; i++) {
      rows.add(i * 16, row(90_000 + i, "Ada", "nobody-" + i + "@example.com", "1 Main St, Portland, OR 97201", "", "false"));
    }
    for (int i = 0; i < BAD_ADDRESS; i++) {
      rows.add(i * 16 + 3, row(80_000 + i, "Ada", emails.get(i), "somewhere near the river", "", "false"));
    }
    for (int i = 0; i < DUPLICATE; i++) {
      rows.add(row(70_000 + i, "Ada", emails.get(GOOD - 1 - i), "1 Main St, Portland, OR 97201", "", "false"));
    }
    for (int i = 0; i < BAD_COMPANY; i++) {
      rows.add(i * 20 + 5, row(60_000 + i, "Ada", emails.get(GOOD + i), "1 Main St, Portland, OR 97201", "x".repeat(300), "false"));
    }
    for (int i = 0; i < TRUNCATED; i++) {
      rows.add(i * 40 + 7, "50000,Ada,Lovelace,cut@example.com,+15551234567");
    }
    for (int i = 0; i < BAD_BOOLEAN; i++) {
      rows.add(row(40_000 + i, "Ada", emails.get(GOOD + BAD_COMPANY + i), "1 Main St, Portland, OR 97201", "", "maybe"));
    }
    Path input = dir.resolve("export-" + offset + ".csv");
    Files.writeString(input, HEADER + "\n" + String.join("\n", rows) + "\n");
    return input;
  }

  private static String row(int oldId, String firstName, String email, String address, String company, String verified) {
    return String.join(",", Integer.toString(oldId), firstName, "Lovelace", email, "+1 555 123 4567",
        "\"" + address.replace("\"", "\"\"") + "\"", company, "Bob", "+15559876543", verified, "2019-05-0" + (1 + oldId % 9));
  }

  /** {@code count} users in the authentication service, written straight into its table (passwords are beside the point). */
  private List<String> registered(int count) throws Exception {
    List<String> emails = new ArrayList<>();
    try (Connection c = jdbc(); PreparedStatement insert = c.prepareStatement(
        "INSERT INTO auth.users (email, email_key, first_name, last_name, phone_number, password)"
            + " VALUES (?, lower(?), 'Ada', 'Lovelace', '+15551234567', 'pbkdf2_sha256$1$salt$hash')")) {
      for (int i = 0; i < count; i++) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 13) + "@example.com";
        insert.setString(1, email);
        insert.setString(2, email);
        insert.addBatch();
        emails.add(email);
      }
      insert.executeBatch();
    }
    return emails;
  }

  private long customers() throws Exception {
    try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM customers.customer")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> countries() throws Exception {
    List<String> countries = new ArrayList<>();
    try (Connection c = jdbc(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT country FROM customers.customer GROUP BY country ORDER BY count(*) DESC, country")) {
      while (rs.next()) {
        countries.add(rs.getString(1));
      }
    }
    return countries;
  }


  private Connection jdbc() throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://" + config.getString("db.host") + ":" + config.getInteger("db.port") + "/"
        + config.getString("db.database"), config.getString("db.user"), "");
  }
}
