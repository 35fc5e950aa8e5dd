package io.customerservice.app;

import io.customerservice.contract.ServiceFailure;
import io.customerservice.importer.ImportOptions;
import io.customerservice.importer.ImportSummary;
import io.customerservice.importer.LegacyFile;
import io.customerservice.importer.LegacyImporter;
import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code customer-service import-legacy FILE}: the old service's customer records into the new
 * model. It runs the customer store and the auth proxy in this process (and the companion
 * authentication service with the embedded database), or, with --cluster, uses those of a
 * running cluster.
 */
@Command(name = "import-legacy", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Import an export of the old customer model (CSV with a header, or JSON Lines): addresses split into fields,"
        + " users resolved by email in the authentication service, every row imported, skipped as present, or rejected with its reason."})
final class ImportLegacyCommand implements Callable<Integer> {

  private static final int TOKEN_MINUTES = 24 * 60;

  @Mixin
  private ConfOption conf;

  @Parameters(paramLabel = "FILE", description = "The export: .csv with a header, or .jsonl (one JSON object per line).")
  private Path file;

  @Option(names = "--dry-run", description = "Report what would happen; write nothing.")
  private boolean dryRun;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Rejected rows with their reason (default: FILE.rejects.csv).")
  private Path rejects;

  @Option(names = "--mismatches", paramLabel = "FILE", description = "Old user data differing from the authentication service's (default: FILE.mismatches.csv).")
  private Path mismatches;

  @Option(names = "--batch-size", defaultValue = "500", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--min-confidence", defaultValue = "0.8", description = "Addresses split with less confidence are rejected (default: ${DEFAULT-VALUE}).")
  private double minConfidence;

  @Option(names = "--keep-unparsed-address",
      description = "Import rows whose address cannot be split, with the raw text as street_address and \"(unparsed)\" in the other address fields.")
  private boolean keepUnparsedAddress;

  @Option(names = "--restart", description = "Ignore the checkpoint of an interrupted run and start from the first row.")
  private boolean restart;

  @Option(names = "--token", paramLabel = "TOKEN", description = "A staff access token for the authentication service (default: one minted with jwt.secret).")
  private String token;

  @Option(names = "--cluster", description = "Use the customer store and auth proxy of a running cluster instead of starting them here.")
  private boolean cluster;

  private final PrintStream out;

  ImportLegacyCommand() {
    this(System.out);
  }

  ImportLegacyCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    if (batchSize < 1 || batchSize > 5000) {
      System.err.println("customer-service import-legacy: --batch-size must be between 1 and 5000");
      return 2;
    }
    JsonObject config = DevelopmentSecret.fillIn(ConfigLoader.loadNow(conf.file));
    boolean embedded = new Settings(config).string(DatabaseSettings.DB_HOST).isEmpty();
    config.put(AppSettings.ROLES, cluster ? Role.AUTH_PROXY.label() : embedded ? "customers,auth,auth-proxy" : "customers,auth-proxy")
        .put(ClusterSettings.CLUSTER_ENABLED, cluster);
    AppSettings settings;
    try {
      settings = AppSettings.from(config);
    } catch (ConfigException e) {
      System.err.println("customer-service import-legacy: " + e.getMessage());
      return 2;
    }
    try (RunningProcess process = cluster ? RunningProcess.join(settings) : RunningProcess.start(settings)) {
      String bearer = token != null ? token : AccessTokens.mint(process.vertx(), JwtSettings.from(new Settings(process.settings().config())),
          UUID.randomUUID(), "import-legacy@customer-service", "Legacy", "Import", "admin", TOKEN_MINUTES);
      ImportOptions options = new ImportOptions(file,
          rejects != null ? rejects : file.resolveSibling(file.getFileName() + ".rejects.csv"),
          mismatches != null ? mismatches : file.resolveSibling(file.getFileName() + ".mismatches.csv"),
          dryRun, batchSize, minConfidence, keepUnparsedAddress, restart, bearer);
      ImportSummary summary = new LegacyImporter(process.vertx(), options, new ProgressLine(System.err)).run();
      out.print(summary.report(dryRun));
      out.println("rejects: " + options.rejects() + "\nmismatches: " + options.mismatches());
      return 0;
    } catch (LegacyFile.LegacyFileException | ServiceFailure e) {
      System.err.println("\ncustomer-service import-legacy: " + e.getMessage());
      return 1;
    }
  }
}
