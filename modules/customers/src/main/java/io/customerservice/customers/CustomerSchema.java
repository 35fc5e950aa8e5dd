package io.customerservice.customers;

import io.customerservice.contract.config.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the customer schema's Flyway migrations (blocking JDBC: run it off the event loop). */
final class CustomerSchema {

  static final String SCHEMA = "customers";
  private static final String LOCATION = "classpath:db/customers";
  private static final Logger LOG = LoggerFactory.getLogger(CustomerSchema.class);

  private CustomerSchema() {
  }

  static void migrate(DatabaseSettings db) {
    MigrateResult result = Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations(LOCATION)
        .load()
        .migrate();
    LOG.info("Customer schema at version {} ({} migration(s) applied)",
        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
        result.migrationsExecuted);
  }
}
