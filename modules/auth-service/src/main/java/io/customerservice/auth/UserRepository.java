package io.customerservice.auth;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.Timestamps;
import io.customerservice.database.Rows;
import io.customerservice.database.Templates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.RowMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** All SQL of the authentication service's users. */
final class UserRepository {

  static final String SCHEMA = "auth";
  private static final String TABLE = SCHEMA + ".users";
  private static final String COLUMNS = "id, email, first_name, last_name, phone_number, user_role, is_active, date_joined";

  private static final String INSERT = "INSERT INTO " + TABLE
      + " (email, email_key, first_name, last_name, phone_number, user_role, password)"
      + " VALUES (#{email}, #{email_key}, #{first_name}, #{last_name}, #{phone_number}, #{user_role}, #{password}) RETURNING " + COLUMNS;
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = #{id} AND is_active";
  private static final String BY_EMAIL = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE email_key = #{email_key} AND is_active";
  private static final String CREDENTIALS = "SELECT " + COLUMNS + ", password FROM " + TABLE
      + " WHERE email_key = #{email_key} AND is_active";
  private static final String UPDATE = "UPDATE " + TABLE + " SET email = #{email}, email_key = #{email_key}, first_name = #{first_name},"
      + " last_name = #{last_name}, phone_number = #{phone_number}, updated_at = now()"
      + " WHERE id = #{id} AND is_active RETURNING " + COLUMNS;

  /** The constraint whose violation is an answer: an email is taken. */
  static final Map<String, ServiceFailure> CONSTRAINT_FACTS = Map.of("users_email_key",
      ServiceFailure.invalid(new FieldErrors().add(UserInput.EMAIL, "A user with that email already exists.")));

  /** A user as the service shows it: never the password. */
  static final RowMapper<JsonObject> USER = UserRepository::user;

  private final Templates statements;

  UserRepository(Pool pool) {
    this.statements = new Templates(pool);
  }

  Future<JsonObject> insert(JsonObject user, String encodedPassword) {
    Map<String, Object> params = keyed(user);
    params.put("password", encodedPassword);
    return statements.of(INSERT).mapTo(USER).execute(params).map(rows -> rows.iterator().next());
  }

  /** The active user, or null. */
  Future<JsonObject> find(UUID id) {
    return statements.of(BY_ID).mapTo(USER).execute(Map.of("id", id)).map(Rows::firstOrNull);
  }

  /** The active user with this email (any case, see {@link EmailKey}), or null. */
  Future<JsonObject> findByEmail(String email) {
    return statements.of(BY_EMAIL).mapTo(USER).execute(Map.of("email_key", EmailKey.of(email))).map(Rows::firstOrNull);
  }

  /** The active user with its encoded password under "password", or null. */
  Future<JsonObject> credentials(String email) {
    return statements.of(CREDENTIALS)
        .mapTo(row -> user(row).put("password", row.getString("password")))
        .execute(Map.of("email_key", EmailKey.of(email))).map(Rows::firstOrNull);
  }

  /** The user's fields as parameters, with the key its email is found and kept unique by. */
  private static Map<String, Object> keyed(JsonObject user) {
    Map<String, Object> params = new HashMap<>(user.getMap());
    params.put("email_key", EmailKey.of(user.getString("email")));
    return params;
  }

  /** Writes the user's email, names and phone; null when there is no such active user. */
  Future<JsonObject> update(UUID id, JsonObject user) {
    Map<String, Object> params = keyed(user);
    params.put("id", id);
    return statements.of(UPDATE).mapTo(USER).execute(params).map(Rows::firstOrNull);
  }

  private static JsonObject user(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("email", row.getString("email"))
        .put("first_name", row.getString("first_name"))
        .put("last_name", row.getString("last_name"))
        .put("phone_number", row.getString("phone_number"))
        .put("user_role", row.getString("user_role"))
        .put("is_active", row.getBoolean("is_active"))
        .put("date_joined", Timestamps.format(row.getOffsetDateTime("date_joined")));
  }
}
