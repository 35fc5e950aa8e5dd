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

  /** What a client can do about data the database refused, by SQLSTATE (PostgreSQL's appendix A). */
  private static String refusal(String state, String constraint) {
    return switch (state) {
      case "22001" -> "A value is longer than its field allows.";
      case "22003" -> "A number is out of range.";
      case "22021", "22P05" -> "Text holds a character that cannot be stored (NUL, or not valid Unicode).";
      case "22007", "22008" -> "A date or time is out of range or malformed.";
      case "2201W", "2201X" -> "The page is out of range.";
      case "23502" -> "This field may not be null.";
      case "23503" -> "It refers to something that does not exist (any more).";
      case "23505" -> "It duplicates an existing value.";
      case "23514" -> "A value breaks a rule of its field.";
      default -> "A value is not acceptable.";
    };
  }

  private static ServiceFailure fromSqlState(PgException pg, Map<String, ServiceFailure> facts) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    if ((state.equals(UNIQUE_VIOLATION) || state.equals(FOREIGN_KEY_VIOLATION)) && facts.containsKey(pg.getConstraint())) {
      return facts.get(pg.getConstraint());
    }
    if (state.startsWith("22") || state.startsWith("23")) {
      // The validation should have refused this input first; the constraint is the backstop.
      LOG.warn("Constraint refused a write the validation let through: {} {}", state, pg.getMessage());
      String field = pg.getColumn() == null ? FieldErrors.NON_FIELD_ERRORS : pg.getColumn();
      return ServiceFailure.invalid(new FieldErrors().add(field, refusal(state, pg.getConstraint())));
    }
    if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
      LOG.warn("Database unavailable: {} {}", state, pg.getMessage());
      return ServiceFailure.unavailable("The database is unavailable, try again later.");
    }
    LOG.error("Unexpected database error {}", state, pg);
    return ServiceFailure.from(pg);
  }
}
