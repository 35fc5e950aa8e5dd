package io.customerservice.app;

import io.customerservice.contract.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
        "Every setting has its default in conf/application.json. A key is overridden by the",
        "environment variable named like it (http.port -> HTTP_PORT, db.pool.size -> DB_POOL_SIZE)",
        "and by a system property (-Dhttp.port=8080); system properties beat the environment,",
        "which beats the files. With db.host empty, an embedded PostgreSQL is started."},
    sortOptions = false)
public final class Main implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final int CONFIG_ERROR = 2;
  private static final long START_TIMEOUT_SECONDS = 120;

  @Option(names = "--conf", paramLabel = "FILE",
      description = "A JSON file of keys to override (any subset of conf/application.json).")
  private Path conf;

  public static void main(String[] args) {
    int exit = new CommandLine(new Main()).execute(args);
    // On success the service keeps running on Vert.x's threads; only a failure or --help ends here.
    if (exit != 0 || args.length > 0 && isInformational(args)) {
      System.exit(exit);
    }
  }

  private static boolean isInformational(String[] args) {
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    EmbeddedDatabase embedded = null;
    try {
      AppSettings settings = AppSettings.from(await(ConfigLoader.load(vertx, conf, System.getenv())));
      String database = settings.database().describe();
      if (settings.database().embedded()) {
        embedded = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedPort(),
            settings.database().database(), settings.database().user());
        settings = settings.withDatabase(embedded.connectionKeys());
        database = embedded.describe();
      }
      await(Launcher.deploy(vertx, settings));
      Runtime.getRuntime().addShutdownHook(new Thread(new Shutdown(vertx, embedded)::run, "customer-service-shutdown"));
      LOG.info("customer-service started: roles [{}], database {}, event-bus request timeout {} ms",
          settings.roles().stream().map(Role::label).collect(Collectors.joining(", ")), database,
          settings.requestTimeoutMs());
      return 0;
    } catch (ConfigException e) {
      System.err.println("customer-service: " + e.getMessage());
      new Shutdown(vertx, embedded).run();
      return CONFIG_ERROR;
    } catch (Exception e) {
      LOG.error("customer-service could not start: {}", e.getMessage(), e);
      new Shutdown(vertx, embedded).run();
      return 1;
    }
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

  /** Stops the verticles (which drain their in-flight work), then the embedded database. */
  private record Shutdown(Vertx vertx, EmbeddedDatabase embedded) {
    void run() {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
      } catch (Exception e) {
        LOG.warn("Vert.x did not close cleanly: {}", e.toString());
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
