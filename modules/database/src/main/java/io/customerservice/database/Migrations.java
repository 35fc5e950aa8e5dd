package io.customerservice.database;

import io.customerservice.runtime.config.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one schema's Flyway migrations. Each data-owning module has its own schema, its own
 * migrations under {@code classpath:db/<schema>} and its own history table in that schema.
 * Blocking JDBC: callers run it with {@code executeBlocking}. Concurrent runs (several instances
 * or processes) are serialised by Flyway's advisory lock.
 */
public final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  public static void apply(DatabaseSettings db, String schema) {
    MigrateResult result = Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .schemas(schema)
        .createSchemas(true)
        .locations("classpath:db/" + schema)
        .load()
        .migrate();
    LOG.info("Schema {} at version {} ({} migration(s) applied)", schema,
        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
        result.migrationsExecuted);
  }
}
