package io.customerservice.app;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Why a process could not start, in one sentence an operator can act on: what failed, and the
 * setting or step that fixes it. The failure's own chain (Flyway, JDBC, Netty) says the same in
 * forty lines; it goes to DEBUG.
 */
final class StartupFailure {

  private static final String BAD_DATABASE = "3D000";
  private static final String BAD_PASSWORD = "28P01";
  private static final String NO_SUCH_ROLE = "28000";
  private static final String LISTEN = "cannot listen on ";

  private StartupFailure() {
  }

  /** The sentence for {@code failure}; {@code settings} (null if they were never read) names the keys. */
  static String describe(Throwable failure, AppSettings settings) {
    String database = settings == null ? "the configured PostgreSQL" : settings.database().describe();
    return sqlState(failure).map(state -> switch (state) {
      case BAD_DATABASE -> database + ": the database does not exist. Create it, or set "
          + key(DatabaseSettings.DB_DATABASE) + " to one that does.";
      case BAD_PASSWORD, NO_SUCH_ROLE -> database + " refused the login (" + deepest(failure).getMessage() + "). Check "
          + key(DatabaseSettings.DB_USER) + " and " + key(DatabaseSettings.DB_PASSWORD) + ".";
      default -> null;
    }).or(() -> find(failure, ConnectException.class).map(refused -> "No PostgreSQL answers at " + database
        + " (" + refused.getMessage() + "). Start it, or set " + key(DatabaseSettings.DB_HOST) + " and " + key(DatabaseSettings.DB_PORT) + "."))
      .or(() -> find(failure, UnknownHostException.class).map(unknown -> "The database host " + unknown.getMessage()
        + " does not resolve. Set " + key(DatabaseSettings.DB_HOST) + " to a name or address this machine can reach."))
      .or(() -> inUse(failure).map(listen -> listen + ": another process holds that port. Stop it, or set "
        + portKey(listen, settings) + " to a free one."))
      .or(() -> find(failure, FileSystemException.class).map(file -> "Cannot write " + file.getFile()
        + (file.getReason() == null ? "" : " (" + file.getReason() + ")") + ". Make it a directory this user can write, or set "
        + key(AppSettings.DB_EMBEDDED_DATA_DIR) + " and " + key(AppSettings.JWT_DEV_SECRET_FILE) + " to paths under one."))
      .orElseGet(() -> failure.getMessage() == null ? failure.toString() : failure.getMessage());
  }

  /** The key of the port in {@code listen}, as far as the settings tell. */
  private static String portKey(String listen, AppSettings settings) {
    if (settings != null && settings.http() != null && listen.endsWith(":" + settings.http().port())) {
      return key(HttpSettings.HTTP_PORT);
    }
    if (settings != null && settings.auth() != null && listen.endsWith(":" + settings.auth().port())) {
      return key(AuthSettings.AUTH_PORT);
    }
    if (settings != null && listen.endsWith(":" + settings.management().port())) {
      return key(Settings.MANAGEMENT_PORT);
    }
    return key(HttpSettings.HTTP_PORT) + ", " + key(AuthSettings.AUTH_PORT) + " or " + key(Settings.MANAGEMENT_PORT);
  }

  private static String key(String key) {
    return key + " (" + Settings.environmentName(key) + ")";
  }

  private static Optional<String> sqlState(Throwable failure) {
    return find(failure, SQLException.class).map(SQLException::getSQLState)
        .or(() -> find(failure, PgException.class).map(PgException::getSqlState));
  }

  /** "Cannot listen on host:port", from the edge's failure, when the port is taken. */
  private static Optional<String> inUse(Throwable failure) {
    if (messages(failure).noneMatch(message -> message.contains("Address already in use"))) {
      return Optional.empty();
    }
    return messages(failure).filter(message -> message.startsWith(LISTEN)).findFirst()
        .map(message -> "Cannot listen on " + message.substring(LISTEN.length()).split(": ", 2)[0])
        .or(() -> Optional.of("Cannot listen"));
  }

  private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    return causes(failure).filter(type::isInstance).map(type::cast).findFirst();
  }

  private static Stream<String> messages(Throwable failure) {
    return causes(failure).map(Throwable::getMessage).filter(Objects::nonNull);
  }

  private static Throwable deepest(Throwable failure) {
    return causes(failure).reduce((outer, inner) -> inner).orElseThrow();
  }

  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
  }
}
