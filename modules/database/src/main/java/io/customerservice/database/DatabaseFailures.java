package io.customerservice.database;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the database client reports into the contract's failures: facts of the data
 * (a unique or check violation) become CONFLICT or INVALID, an unreachable or restarting server
 * becomes UNAVAILABLE, and anything else is logged and reported as INTERNAL without its details.
 */
public final class DatabaseFailures {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private DatabaseFailures() {
  }

  /**
   * The contract failure for {@code error}; {@code facts} names the constraints whose violation
   * is an expected answer (a unique key taken, a row that no longer exists) and what to answer.
   */
  public static ServiceFailure map(Throwable error, Map<String, ServiceFailure> facts) {
    if (error instanceof ServiceFailure failure) {
      return failure;
    }
    if (error instanceof PgException pg) {
      return fromSqlState(pg, facts);
    }
    if (error instanceof IOException || error instanceof ClosedConnectionException
        || error instanceof TimeoutException || error instanceof VertxException) {
      LOG.warn("Database unavailable: {}", error.toString());
      return ServiceFailure.unavailable("The database is unavailable, try again later.");
    }
    LOG.error("Unexpected store failure", error);
    return ServiceFailure.from(error);
  }

  private static ServiceFailure fromSqlState(PgException pg, Map<String, ServiceFailure> facts) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    if ((state.equals(UNIQUE_VIOLATION) || state.equals(FOREIGN_KEY_VIOLATION)) && facts.containsKey(pg.getConstraint())) {
      return facts.get(pg.getConstraint());
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
