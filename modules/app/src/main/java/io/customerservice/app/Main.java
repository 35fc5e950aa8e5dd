package io.customerservice.app;

import ch.qos.logback.classic.LoggerContext;
import io.customerservice.runtime.config.ConfigException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The customer-service command: with no arguments it runs every role on the embedded PostgreSQL.
 * It stays up until SIGINT/SIGTERM, then stops the verticles (letting in-flight work finish),
 * which closes the pool, and only then the embedded database.
 */
@Command(
    name = "customer-service",
    mixinStandardHelpOptions = true,
    version = "customer-service 0.1.0",
    description = {
        "The customer-profile service: customer profiles in PostgreSQL behind the Vert.x event bus.",
        "",
        "Every setting has its default in conf/application.json. A key is overridden by the environment variable named like it (http.port -> HTTP_PORT, db.pool.size -> DB_POOL_SIZE) and by a system property (-Dhttp.port=8080); system properties beat the environment, which beats the files, and the options below beat everything. With db.host empty, a process whose roles own data starts an embedded PostgreSQL.",
        "",
        "Roles: customers, history, auth, auth-proxy, http (all of them by default). Run each in its own process with --cluster to split the service over a Hazelcast cluster; --instances sets how many verticle instances of a role this process runs.",
        ""},
    usageHelpAutoWidth = true,
    sortOptions = false,
    subcommands = {TokenCommand.class, CreateUserCommand.class, EmbeddedDbCommand.class, ImportLegacyCommand.class})
public final class Main implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final int CONFIG_ERROR = 2;

  @Mixin
  private ConfOption conf;

  @Option(names = "--roles", paramLabel = "LIST", split = ",",
      description = "The roles this process runs: all, or any of customers, history, auth, auth-proxy, http (comma-separated). Key: roles.")
  private java.util.List<String> roles;

  @Option(names = "--cluster", description = "Join the Hazelcast cluster (conf/cluster.xml: TCP-IP members, no multicast). Key: cluster.enabled.")
  private boolean cluster;

  @Option(names = "--instances", paramLabel = "ROLE=N",
      description = "Verticle instances of a role in this process, e.g. --instances http=4 (repeatable). Keys: <role>.instances.")
  private java.util.Map<String, Integer> instances;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    int exit = cli.execute(args);
    // A started service keeps running on Vert.x's threads; everything else (a failure, --help,
    // a subcommand) ends the process here.
    CommandLine.ParseResult parsed = cli.getParseResult();
    boolean serving = exit == 0 && parsed != null && !parsed.hasSubcommand()
        && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
    if (!serving) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() throws Exception {
    AppSettings settings = null;
    try {
      settings = AppSettings.from(DevelopmentSecret.fillIn(commandLineOverrides(ConfigLoader.loadNow(conf.file))));
      LogFormat.apply(settings.logFormat());
      RunningProcess process = RunningProcess.start(settings);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        process.close();
        flushLogs();
      }, "customer-service-shutdown"));
      String roles = settings.roles().stream().map(Role::label).collect(Collectors.joining(", "));
      if (settings.listening().isEmpty()) {
        LOG.info("customer-service started: roles [{}], database {}", roles, process.database());
      } else {
        LOG.info("customer-service listening on {}: roles [{}], database {}", settings.listening(), roles, process.database());
      }
      return 0;
    } catch (ConfigException e) {
      System.err.println("customer-service: " + e.getMessage());
      return CONFIG_ERROR;
    } catch (Exception e) {
      LOG.error("customer-service could not start: {}", StartupFailure.describe(e, settings));
      LOG.debug("The start-up failure in full", e);
      return 1;
    }
  }

  /** Writes out the access-log lines still queued for the logging thread; nothing logs after this. */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
      logging.stop();
    }
  }

  /** The command line's options, over every other source. */
  private JsonObject commandLineOverrides(JsonObject config) {
    JsonObject overridden = config.copy();
    if (roles != null) {
      overridden.put(AppSettings.ROLES, String.join(",", roles));
    }
    if (cluster) {
      overridden.put(ClusterSettings.CLUSTER_ENABLED, true);
    }
    if (instances != null) {
      instances.forEach((label, count) -> overridden.put(Role.named(label, AppSettings.ROLES).instancesKey(), count));
    }
    return overridden;
  }


}
