package io.customerservice.database;

import io.customerservice.contract.BusEndpoints;
import io.customerservice.contract.config.DatabaseSettings;
import io.customerservice.contract.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verticle that owns data in PostgreSQL: it brings its schema up to date, takes the process's
 * connections and answers its addresses; it is ready once every address is registered. On stop it takes
 * no new requests, lets the running ones finish (up to {@code shutdown.grace-ms}), then releases
 * the connections. Subclasses say which schema and which addresses.
 *
 * <p>A schema whose migrations refer to another role's schema, not there yet (its owner has never
 * run), does not fail the process: the verticle is deployed without its addresses, so callers
 * get "unavailable", and tries again with a growing delay until the dependency is there.
 */
public abstract class DataOwnerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DataOwnerVerticle.class);
  /**
   * invalid_schema_name: what a migration meets when a schema it refers to is missing. (Not
   * undefined_table: a role's own broken migration meets that one, and must fail the start.)
   */
  private static final Set<String> MISSING_DEPENDENCY = Set.of("3F000");
  private static final long FIRST_RETRY_MS = 250;
  private static final long LONGEST_RETRY_MS = 10_000;

  private BusEndpoints endpoints;
  private Database database;
  private long graceMs;
  private long retryTimer = -1;
  private boolean stopping;

  /** The schema this verticle migrates (its migrations are under classpath:db/<schema>). */
  protected abstract String schema();

  /** Registers the addresses, once the schema is current; completes when they all are. */
  protected abstract Future<?> serve(Database database, BusEndpoints endpoints, Settings settings);

  @Override
  public final Future<?> start() {
    Settings settings = new Settings(config());
    DatabaseSettings db = DatabaseSettings.from(settings);
    graceMs = settings.shutdownGraceMs();
    endpoints = new BusEndpoints(vertx);
    Promise<Void> started = Promise.promise();
    attempt(db, settings, FIRST_RETRY_MS, started);
    return started.future();
  }

  /**
   * Opens the schema and serves; a missing dependency completes {@code started} anyway and
   * schedules the next try. Once waiting, every failure (the database away, say) is tried again.
   */
  private void attempt(DatabaseSettings db, Settings settings, long retryMs, Promise<Void> started) {
    boolean waiting = started.future().isComplete();
    OwnedSchema.openWithLookups(vertx, db, schema()).compose(opened -> {
      database = opened;
      return serve(database, endpoints, settings);
    }).onComplete(done -> {
      if (done.succeeded()) {
        if (waiting) {
          LOG.info("The {} schema is migrated now that what it depends on is there: its addresses are served", schema());
        }
        started.tryComplete();
        return;
      }
      if (database != null) {
        database.close();
        database = null;
      }
      if (!waiting && !missingDependency(done.cause())) {
        started.fail(done.cause());
      } else if (!stopping) {
        LOG.warn("The {} schema cannot be migrated yet ({}): its addresses are not served; trying again in {} ms",
            schema(), firstLine(done.cause()), retryMs);
        started.tryComplete();
        retryTimer = vertx.setTimer(retryMs, retry -> attempt(db, settings, Math.min(retryMs * 2, LONGEST_RETRY_MS), started));
      }
    });
  }

  private static boolean missingDependency(Throwable failure) {
    return causes(failure).anyMatch(cause -> cause instanceof SQLException sql && MISSING_DEPENDENCY.contains(sql.getSQLState()));
  }

  /** The root cause's first line: Flyway's own message spans a page. */
  private static String firstLine(Throwable failure) {
    String message = String.valueOf(causes(failure).reduce((outer, inner) -> inner).orElseThrow().getMessage());
    return message.lines().findFirst().orElse(message);
  }

  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
  }

  @Override
  public final Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(retryTimer);
    Future<Void> closed = endpoints == null ? Future.succeededFuture() : endpoints.close(graceMs);
    return closed.compose(drained -> database == null ? Future.succeededFuture() : database.close());
  }
}
