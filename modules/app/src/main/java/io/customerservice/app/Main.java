package io.customerservice.app;

import io.customerservice.contract.config.ConfigException;
import io.customerservice.contract.config.ConfigKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
  private static final long START_TIMEOUT_SECONDS = 120;

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
    Vertx bootstrap = Vertx.vertx();
    Vertx vertx = null;
    EmbeddedDatabase embedded = null;
    try {
      JsonObject loaded = await(ConfigLoader.load(bootstrap, conf.file, System.getenv()));
      AppSettings settings = AppSettings.from(DevelopmentSecret.fillIn(commandLineOverrides(loaded)));
      String database = settings.roles().stream().anyMatch(Role::usesDatabase) ? settings.database().describe() : "none (no role here owns data)";
      if (settings.startsEmbeddedDatabase()) {
        embedded = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedPort(),
            settings.database().database(), settings.database().user());
        settings = settings.withDatabase(embedded.connectionKeys());
        database = embedded.describe();
      }
      await(bootstrap.close());
      vertx = await(VertxFactory.create(settings.cluster()));
      List<String> deployments = await(Launcher.deploy(vertx, settings));
      Shutdown shutdown = new Shutdown(vertx, deployments, embedded, settings.graceMs());
      Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "customer-service-shutdown"));
      String roles = settings.roles().stream().map(Role::label).collect(Collectors.joining(", "));
      if (settings.listening().isEmpty()) {
        LOG.info("customer-service started: roles [{}], database {}", roles, database);
      } else {
        LOG.info("customer-service listening on {}: roles [{}], database {}", settings.listening(), roles, database);
      }
      return 0;
    } catch (ConfigException e) {
      System.err.println("customer-service: " + e.getMessage());
      new Shutdown(vertx == null ? bootstrap : vertx, List.of(), embedded, 0).run();
      return CONFIG_ERROR;
    } catch (Exception e) {
      LOG.error("customer-service could not start: {}", e.getMessage(), e);
      new Shutdown(vertx == null ? bootstrap : vertx, List.of(), embedded, 0).run();
      return 1;
    }
  }

  /** The command line's options, over every other source. */
  private JsonObject commandLineOverrides(JsonObject config) {
    JsonObject overridden = config.copy();
    if (roles != null) {
      overridden.put(ConfigKeys.ROLES, String.join(",", roles));
    }
    if (cluster) {
      overridden.put(ConfigKeys.CLUSTER_ENABLED, true);
    }
    if (instances != null) {
      instances.forEach((label, count) -> overridden.put(Role.named(label, ConfigKeys.ROLES).instancesKey(), count));
    }
    return overridden;
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Undeploys the roles in the reverse of their deployment order, so the HTTP servers stop taking
   * requests and finish the ones in flight while the store still answers them; then closes Vert.x
   * and stops the embedded database. Bounded, so a stuck close cannot keep the process alive.
   */
  private record Shutdown(Vertx vertx, List<String> deployments, EmbeddedDatabase embedded, long graceMs) {
    private static final long CLOSE_MARGIN_MS = 15_000;

    void run() {
      LOG.info("customer-service stopping: draining in-flight requests (up to {} ms)", graceMs);
      Future<Void> undeployed = Future.succeededFuture();
      for (int i = deployments.size() - 1; i >= 0; i--) {
        String id = deployments.get(i);
        undeployed = undeployed.compose(v -> vertx.undeploy(id));
      }
      try {
        undeployed.eventually(vertx::close)
            .toCompletionStage().toCompletableFuture().get(graceMs + CLOSE_MARGIN_MS, TimeUnit.MILLISECONDS);
        LOG.info("Verticles stopped, pool closed");
      } catch (Exception e) {
        LOG.warn("Vert.x did not close within {} ms: {}", graceMs + CLOSE_MARGIN_MS, e.toString());
      }
      if (embedded != null) {
        try {
          embedded.close();
        } catch (Exception e) {
          LOG.warn("The embedded database did not stop cleanly: {}", e.toString());
        }
      }
      LOG.info("customer-service stopped");
    }
  }

}
