package io.customerservice.app;

import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs only the embedded PostgreSQL, in the foreground until SIGINT/SIGTERM: the database for a
 * local multi-process topology, where every process that owns data connects to it with db.host,
 * and killing one of them does not take the database with it.
 */
@Command(name = "embedded-db", mixinStandardHelpOptions = true,
    description = "Run the embedded PostgreSQL alone (data in db.embedded.data-dir) for a local multi-process cluster.")
final class EmbeddedDbCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDbCommand.class);

  @Mixin
  private ConfOption conf;

  @Option(names = "--port", description = "Port to listen on (default: db.embedded.port, else 5432).")
  private Integer port;

  @Override
  public Integer call() throws Exception {
    JsonObject config = ConfigLoader.loadNow(conf.file);
    Settings settings = new Settings(config);
    DatabaseSettings db = DatabaseSettings.from(settings);
    AppSettings app = AppSettings.from(DevelopmentSecret.fillIn(config));
    int listen = port != null ? port : app.embeddedPort() != 0 ? app.embeddedPort() : db.port();
    EmbeddedDatabase embedded = EmbeddedDatabase.start(app.embeddedDataDir(), listen, db.database(), db.user());
    CountDownLatch stopped = new CountDownLatch(1);
    // The hook itself stops the server: the JVM waits for hooks, not for this thread.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        embedded.close();
        LOG.info("Embedded PostgreSQL stopped");
      } catch (Exception e) {
        LOG.warn("The embedded database did not stop cleanly: {}", e.toString());
      } finally {
        stopped.countDown();
      }
    }, "embedded-db-shutdown"));
    LOG.info("{} (database {}, user {}); Ctrl-C stops it", embedded.describe(), db.database(), db.user());
    stopped.await();
    return 0;
  }
}
