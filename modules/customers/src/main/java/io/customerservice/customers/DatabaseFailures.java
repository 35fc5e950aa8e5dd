package io.customerservice.customers;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the database client reports into the contract's failures: facts of the data
 * (a unique or check violation) become CONFLICT or INVALID, an unreachable or restarting server
 * becomes UNAVAILABLE, and anything else is logged and reported as INTERNAL without its details.
 */
final class DatabaseFailures {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String USER_ID_UNIQUE = "customer_user_id_key";

  private DatabaseFailures() {
  }

  static ServiceFailure map(Throwable error) {
    if (error instanceof ServiceFailure failure) {
      return failure;
    }
    if (error instanceof PgException pg) {
      return fromSqlState(pg);
    }
    if (error instanceof IOException || error instanceof ClosedConnectionException
        || error instanceof TimeoutException || error instanceof VertxException) {
      LOG.warn("Database unavailable: {}", error.toString());
      return ServiceFailure.unavailable("The database is unavailable, try again later.");
    }
    LOG.error("Unexpected store failure", error);
    return ServiceFailure.from(error);
  }

  private static ServiceFailure fromSqlState(PgException pg) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    if (state.equals(UNIQUE_VIOLATION) && USER_ID_UNIQUE.equals(pg.getConstraint())) {
      return ServiceFailure.conflict("A customer profile already exists for this user.");
    }
    if (state.startsWith("22") || state.startsWith("23")) {
      // The validation should have refused this input first; the constraint is the backstop.
      LOG.warn("Constraint refused a write the validation let through: {} {}", state, pg.getMessage());
      return ServiceFailure.invalid(new FieldErrors().add(FieldErrors.NON_FIELD_ERRORS,
          "The database refused the data" + (pg.getConstraint() == null ? "." : " (" + pg.getConstraint() + ").")));
    }
    if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
      LOG.warn("Database unavailable: {} {}", state, pg.getMessage());
      return ServiceFailure.unavailable("The database is unavailable, try again later.");
    }
    LOG.error("Unexpected database error {}", state, pg);
    return ServiceFailure.from(pg);
  }
}
