package io.customerservice.importer;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.Timestamps;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.CustomerValidation;
import io.customerservice.contract.customer.ImportMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Imports an export of the old customer model into the new one, through the event bus: each
 * row's user is found in the authentication service by email (through the auth proxy), its
 * address is split by the {@link AddressParser}, its fields are checked by the one validation
 * routine, and batches are written by the customer store in one transaction each, skipping
 * users who already have a profile. Every row ends imported, skipped as present, or in the
 * rejects file with its reason; the old email, names and phone are never stored, and where they
 * differ from the authentication service's the mismatches file says so. After each batch a
 * checkpoint is written, so an interrupted run resumes where it stopped.
 */
public final class LegacyImporter {

  /** Addresses parsed with less confidence than this are rejected, not guessed. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.8;
  /** What stands in the address fields the parser could not fill, with --keep-unparsed-address. */
  public static final String UNPARSED = "(unparsed)";
  private static final String UNPARSED_POSTAL = "UNPARSED";
  private static final long TIMEOUT_SECONDS = 120;
  /** User lookups sent at once: enough to keep the authentication service busy, not so many that they queue past its timeout. */
  private static final int LOOKUPS_IN_FLIGHT = 64;

  private final Vertx vertx;
  private final ImportOptions options;
  private final Consumer<Progress> progress;
  /** Users given a row earlier in this run: a later row for one is skipped as present, in a dry run too. */
  private final Set<String> seen = new HashSet<>();

  /** Where a run stands, for the progress line. */
  public record Progress(long done, long total, long startedNanos) {
  }

  public LegacyImporter(Vertx vertx, ImportOptions options, Consumer<Progress> progress) {
    this.vertx = vertx;
    this.options = options;
    this.progress = progress;
  }

  /** Runs the import; a {@link LegacyFile.LegacyFileException} or {@link ServiceFailure} ends it early, with the checkpoint kept. */
  public ImportSummary run() throws IOException {
    LegacyFile file = LegacyFile.open(options.input());
    Checkpoint checkpoint = options.dryRun() ? Checkpoint.fresh() : Checkpoint.load(options.stateFile(), options.input(), options.restart());
    ImportSummary summary = checkpoint.summary();
    boolean resuming = checkpoint.nextLine() > 1;
    long started = System.nanoTime();
    try (CSVPrinter rejects = printer(options.rejects(), resuming, LegacyFile.headerWithReason(file.jsonLines() ? List.of("original") : file.header()));
         CSVPrinter mismatches = printer(options.mismatches(), resuming, List.of("_line", "email", "field", "legacy_value", "auth_service_value"))) {
      List<LegacyFile.Row> batch = new ArrayList<>();
      file.read(checkpoint.nextLine(), row -> {
        batch.add(row);
        if (batch.size() == options.batchSize()) {
          commit(batch, checkpoint, summary, rejects, mismatches, file.rows(), started);
        }
      });
      if (!batch.isEmpty()) {
        commit(batch, checkpoint, summary, rejects, mismatches, file.rows(), started);
      }
    }
    Files.deleteIfExists(options.stateFile());
    return summary;
  }

  /**
   * Processes a batch, then makes it durable in order: the reports reach the disk before the
   * checkpoint says the batch is done, so a resume never skips a row whose reject was not written.
   */
  private void commit(List<LegacyFile.Row> batch, Checkpoint checkpoint, ImportSummary summary, CSVPrinter rejects,
      CSVPrinter mismatches, long total, long started) throws IOException {
    process(batch, summary, rejects, mismatches);
    rejects.flush();
    mismatches.flush();
    save(checkpoint, batch.get(batch.size() - 1).line() + 1, summary);
    batch.clear();
    progress.accept(new Progress(summary.rows(), total, started));
  }

  private void process(List<LegacyFile.Row> rows, ImportSummary summary, CSVPrinter rejects, CSVPrinter mismatches) throws IOException {
    List<Future<JsonObject>> users = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += LOOKUPS_IN_FLIGHT) {
      List<Future<JsonObject>> group = rows.subList(from, Math.min(rows.size(), from + LOOKUPS_IN_FLIGHT)).stream().map(this::user).toList();
      await(Future.join(group).otherwiseEmpty());
      users.addAll(group);
    }
    List<JsonObject> candidates = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LegacyFile.Row row = rows.get(i);
      String reason = row.problem();
      JsonObject user = null;
      if (reason == null) {
        Future<JsonObject> lookup = users.get(i);
        if (lookup.failed()) {
          ServiceFailure failure = ServiceFailure.from(lookup.cause());
          if (failure.code() != FailureCode.NOT_FOUND && failure.code() != FailureCode.INVALID) {
            throw ServiceFailure.unavailable("Cannot resolve users in the authentication service (" + failure.detail()
                + "); the import stopped at line " + row.line() + " and resumes there when run again.");
          }
          reason = failure.code() == FailureCode.INVALID ? "missing or invalid email" : "no user with this email in the authentication service";
        } else {
          user = lookup.result().getJsonObject(AuthMessages.USER);
        }
      }
      JsonObject candidate = null;
      if (reason == null) {
        try {
          candidate = candidate(row, user);
        } catch (Rejected rejected) {
          reason = rejected.getMessage();
        }
      }
      if (reason != null) {
        summary.rejected(reason);
        reject(rejects, row, reason);
        continue;
      }
      reportMismatches(mismatches, row, user, summary);
      if (!seen.add(user.getString("id"))) {
        summary.present(1);
        continue;
      }
      candidates.add(candidate);
    }
    if (candidates.isEmpty()) {
      return;
    }
    JsonObject request = new JsonObject().put(ImportMessages.ROWS, new JsonArray(candidates)).put(ImportMessages.DRY_RUN, options.dryRun());
    JsonArray results = await(request(Addresses.CUSTOMERS_PROFILE_IMPORT, request)).getJsonArray(ImportMessages.RESULTS);
    for (int i = 0; i < results.size(); i++) {
      if (ImportMessages.IMPORTED.equals(results.getJsonObject(i).getString(ImportMessages.STATUS))) {
        summary.imported(1);
      } else {
        summary.present(1);
      }
    }
  }

  private Future<JsonObject> user(LegacyFile.Row row) {
    String email = row.get("email");
    if (row.problem() != null || email == null) {
      return Future.failedFuture(ServiceFailure.invalid(new io.customerservice.contract.FieldErrors().add("email", "required")));
    }
    return request(Addresses.AUTH_USERS_FIND_BY_EMAIL, AuthMessages.findByEmail(email, options.token()));
  }

  /** The store's import row for a legacy row, or {@link Rejected} with the reason. */
  private JsonObject candidate(LegacyFile.Row row, JsonObject user) {
    String raw = row.get("address");
    if (raw == null) {
      throw new Rejected("no address");
    }
    ParsedAddress address = AddressParser.parse(raw);
    JsonObject profile = new JsonObject();
    if (address.parsed() && address.confidence() >= options.minConfidence()) {
      profile.put("street_address", address.streetAddress()).put("city", address.city()).put("state", address.state())
          .put("postal_code", address.postalCode()).put("country", address.country());
    } else if (options.keepUnparsedAddress()) {
      profile.put("street_address", raw.replaceAll("\\s+", " ").strip()).put("city", UNPARSED).put("state", UNPARSED)
          .put("postal_code", UNPARSED_POSTAL).put("country", UNPARSED);
    } else {
      throw new Rejected("address not parsed with confidence: " + (address.parsed() ? "ambiguous (" + address.confidence() + ")" : address.problem()));
    }
    for (String column : List.of("company_name", "business_type", "tax_id", "emergency_contact_name",
        "emergency_contact_phone", "emergency_contact_relationship")) {
      String value = row.get(column);
      if (value != null) {
        profile.put(column, value);
      }
    }
    String verified = row.get("is_verified");
    if (verified != null) {
      profile.put("is_verified", switch (verified.toLowerCase(Locale.ROOT)) {
        case "true", "t", "1", "yes", "y" -> true;
        case "false", "f", "0", "no", "n" -> false;
        default -> throw new Rejected("is_verified is not a boolean");
      });
    }
    try {
      CustomerValidation.validate(profile, CustomerValidation.Mode.COMPLETE);
    } catch (ServiceFailure invalid) {
      throw new Rejected("invalid " + String.join(", ", invalid.fieldErrors().fieldNames().stream().sorted().toList()));
    }
    JsonObject candidate = new JsonObject().put(CustomerKey.USER_ID, user.getString("id")).put(CustomerMessages.PROFILE, profile);
    String created = row.get("created_at");
    if (created != null) {
      candidate.put(ImportMessages.CUSTOMER_SINCE, date(created).toString());
    }
    return candidate;
  }

  /** Django dumps "2023-04-01 09:30:00": the space stands for the ISO T. */
  private static OffsetDateTime date(String text) {
    OffsetDateTime date = Timestamps.parseLenient(text.replace(' ', 'T'));
    if (date == null) {
      throw new Rejected("created_at is not a date");
    }
    return date;
  }

  /** Where the old record's copy of user data differs from the authentication service's. */
  private static void reportMismatches(CSVPrinter out, LegacyFile.Row row, JsonObject user, ImportSummary summary) throws IOException {
    boolean any = false;
    for (String[] pair : new String[][] {{"first_name", "first_name"}, {"last_name", "last_name"}, {"phone", "phone_number"}, {"email", "email"}}) {
      String legacy = row.get(pair[0]);
      String current = user.getString(pair[1]);
      if (legacy != null && !comparable(pair[0], legacy).equals(comparable(pair[0], current == null ? "" : current))) {
        out.printRecord(row.line(), user.getString("email"), pair[0], legacy, current);
        any = true;
      }
    }
    if (any) {
      summary.mismatch();
    }
  }

  private static String comparable(String field, String value) {
    return field.equals("phone") ? value.replaceAll("[^0-9]", "") : value.strip().toLowerCase(Locale.ROOT);
  }

  private static void reject(CSVPrinter rejects, LegacyFile.Row row, String reason) throws IOException {
    List<String> record = new ArrayList<>(row.original());
    record.add(Long.toString(row.line()));
    record.add(reason);
    rejects.printRecord(record);
  }

  private Future<JsonObject> request(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(TIMEOUT_SECONDS * 1000))
        .map(Message::body).recover(error -> Future.failedFuture(ServiceFailure.from(error)));
  }

  private void save(Checkpoint checkpoint, long nextLine, ImportSummary summary) throws IOException {
    if (!options.dryRun()) {
      checkpoint.save(options.stateFile(), nextLine, summary);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw ServiceFailure.from(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw ServiceFailure.unavailable("No answer within " + TIMEOUT_SECONDS + " s.");
    }
  }

  private static CSVPrinter printer(Path path, boolean append, List<String> header) throws IOException {
    boolean fresh = !append || !Files.exists(path);
    var writer = fresh
        ? Files.newBufferedWriter(path, StandardCharsets.UTF_8)
        : Files.newBufferedWriter(path, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    CSVFormat format = fresh ? CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0])).get() : CSVFormat.DEFAULT;
    return new CSVPrinter(writer, format);
  }

  /** A row that cannot be imported, and why. */
  private static final class Rejected extends RuntimeException {
    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The progress of a run, kept beside the input so an interrupted run resumes after its last committed batch. */
  private record Checkpoint(long nextLine, ImportSummary summary) {
    static Checkpoint fresh() {
      return new Checkpoint(1, new ImportSummary());
    }

    static Checkpoint load(Path state, Path input, boolean restart) throws IOException {
      if (restart || !Files.exists(state)) {
        Files.deleteIfExists(state);
        return fresh();
      }
      JsonObject saved = new JsonObject(Files.readString(state));
      if (saved.getLong("size") != Files.size(input) || saved.getLong("modified") != Files.getLastModifiedTime(input).toMillis()) {
        throw new LegacyFile.LegacyFileException(input + " changed since the interrupted run recorded in " + state
            + "; run again with --restart to start over");
      }
      return new Checkpoint(saved.getLong("next_line"), ImportSummary.fromJson(saved.getJsonObject("summary")));
    }

    void save(Path state, long next, ImportSummary summary) throws IOException {
      Path input = state.resolveSibling(state.getFileName().toString().replace(".import-state.json", ""));
      JsonObject json = new JsonObject().put("next_line", next).put("size", Files.size(input))
          .put("modified", Files.getLastModifiedTime(input).toMillis()).put("summary", summary.toJson());
      Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
      Files.writeString(temporary, json.encodePrettily());
      Files.move(temporary, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
