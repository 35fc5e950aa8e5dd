package io.customerservice.customers;

import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerField;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.ListQuery;
import io.customerservice.runtime.CoalescedLookups;
import io.customerservice.database.Database;
import io.customerservice.database.Pages;
import io.customerservice.database.Rows;
import io.customerservice.database.Templates;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * All SQL of the customer aggregate. Statements are templates with named parameters; the only
 * text put together is from the constants below (column lists, the whitelisted ORDER BY), never
 * from input. Conflicts and absences come from database facts, not from check-then-act.
 */
final class CustomerRepository {

  private static final String TABLE = CustomerSchema.NAME + ".customer";

  private static final String WRITABLE_COLUMNS = CustomerField.writableFields().stream()
      .map(CustomerField::json).collect(Collectors.joining(", "));
  private static final String WRITABLE_PARAMS = CustomerField.writableFields().stream()
      .map(f -> "#{" + f.json() + "}").collect(Collectors.joining(", "));

  private static final String INSERT = "INSERT INTO " + TABLE + " (user_id, " + WRITABLE_COLUMNS + ")"
      + " VALUES (#{user_id}, " + WRITABLE_PARAMS + ") RETURNING " + CustomerRows.COLUMNS;
  private static final String IMPORT = "INSERT INTO " + TABLE + " (user_id, customer_since, " + WRITABLE_COLUMNS + ")"
      + " VALUES (#{user_id}, coalesce(#{customer_since}, now()), " + WRITABLE_PARAMS + ")"
      + " ON CONFLICT (user_id) DO NOTHING RETURNING " + CustomerRows.COLUMNS;
  private static final String SELECT = "SELECT " + CustomerRows.COLUMNS + " FROM " + TABLE;
  private static final String USERS_PRESENT = "SELECT user_id FROM " + TABLE + " WHERE user_id = ANY(#{user_ids})";
  private static final String BY_ID = " WHERE id = #{id}";
  /** The array of keys a lookup statement reads (see {@link CoalescedLookups}). */
  private static final String KEYS = "keys";
  private static final String ANY_ID = " WHERE id = ANY(#{" + KEYS + "})";
  private static final String ANY_USER = " WHERE user_id = ANY(#{" + KEYS + "})";
  private static final String BY_USER = " WHERE user_id = #{user_id}";
  private static final String VERSION_IS = " AND version = #{" + CustomerMessages.EXPECTED_VERSION + "}";
  private static final String UPDATE = "UPDATE " + TABLE + " SET ";
  private static final String BUMP = "version = version + 1, updated_at = now()";
  private static final String DELETE = "DELETE FROM " + TABLE;
  private static final String RETURNING = " RETURNING " + CustomerRows.COLUMNS;
  private static final String PING = "SELECT 1";
  private static final String PAGE_LIMIT = " LIMIT #{limit} OFFSET #{offset}";

  /**
   * Each filter's predicate, written into a statement only when the filter is given, so every
   * combination is its own prepared statement with a plan that fits it (a single statement with
   * "#{city} IS NULL OR ..." would need re-planning on every call, which costs every other query).
   */
  private static final Map<String, String> FILTER_PREDICATES = filterPredicates();
  private static final String COUNT = "SELECT count(*) AS count FROM " + TABLE;
  /** The orderable columns that may hold null (see V1__customer.sql). */
  private static final Set<CustomerField> NULLABLE = Set.of(CustomerField.COMPANY_NAME, CustomerField.LAST_SERVICE_DATE);

  private final Pool pool;
  /**
   * The reads every page of the frontend makes: lookups by key, many to a statement (see
   * {@link CoalescedLookups}).
   */
  private final CoalescedLookups<UUID> findByUser;
  private final CoalescedLookups<UUID> findById;
  private final ListCounts counts;
  private final Templates statements;

  /** {@code context} is the one every call comes from: the owning verticle's. */
  CustomerRepository(Database database, Context context, ListCounts counts) {
    this.pool = database.pool();
    this.statements = new Templates(pool);
    this.counts = counts;
    this.findByUser = lookups(database, context, ANY_USER, CustomerKey.USER_ID);
    this.findById = lookups(database, context, ANY_ID, CustomerKey.ID);
  }

  private static CoalescedLookups<UUID> lookups(Database database, Context context, String where, String keyMember) {
    SqlTemplate<Map<String, Object>, RowSet<JsonObject>> statement =
        SqlTemplate.forQuery(database.lookups(), SELECT + where).mapTo(CustomerRows.DOCUMENT);
    return database.coalescedLookups(context,
        keys -> statement.execute(Map.of(KEYS, keys.toArray(new UUID[0]))),
        document -> UUID.fromString(document.getString(keyMember)));
  }

  Future<JsonObject> insert(UUID userId, JsonObject profile) {
    Map<String, Object> params = CustomerRows.writableParams(profile);
    params.put(CustomerKey.USER_ID, userId);
    return statements.of(INSERT).mapTo(CustomerRows.DOCUMENT).execute(params)
        .map(rows -> rows.iterator().next());
  }

  /**
   * Inserts every row that names a user without a profile, in one transaction; the documents of
   * the rows inserted (a row for a user who has one is left alone). Each row holds the writable
   * fields, plus user_id and customer_since.
   */
  Future<List<JsonObject>> importRows(List<Map<String, Object>> rows) {
    return pool.withTransaction(conn -> SqlTemplate.forQuery(conn, IMPORT).mapTo(CustomerRows.DOCUMENT).executeBatch(rows)
        .map(results -> {
          List<JsonObject> inserted = new ArrayList<>();
          for (RowSet<JsonObject> result = results; result != null; result = result.next()) {
            result.forEach(inserted::add);
          }
          return inserted;
        }));
  }

  /** Which of these users already have a profile. */
  Future<Set<UUID>> usersPresent(List<UUID> userIds) {
    return statements.of(USERS_PRESENT).execute(Map.of("user_ids", userIds.toArray(new UUID[0])))
        .map(rows -> {
          Set<UUID> present = new HashSet<>();
          rows.forEach(row -> present.add(row.getUUID("user_id")));
          return present;
        });
  }

  /** The customer, or null when there is none. */
  Future<JsonObject> find(CustomerKey key) {
    return key.byUser() ? findByUser.find(key.userId()) : findById.find(key.id());
  }

  /** The customers of these user ids (or ids) that exist, by key. */
  Future<Map<UUID, JsonObject>> findAll(boolean byUser, Collection<UUID> keys) {
    return (byUser ? findByUser : findById).findAll(keys);
  }

  /**
   * Sets {@code fields} (checked, each writable) and bumps the version, in one statement (its own
   * transaction: one round trip, the row locked only while it runs). Fails NOT_FOUND when there is
   * no such customer and CONFLICT when {@code expectedVersion} is given and stale.
   */
  Future<JsonObject> update(CustomerKey key, Integer expectedVersion, JsonObject fields) {
    StringBuilder sql = new StringBuilder(UPDATE);
    Map<String, Object> params = CustomerRows.givenParams(fields);
    params.keySet().forEach(column -> sql.append(column).append(" = #{").append(column).append("}, "));
    sql.append(BUMP).append(where(key));
    return written(sql, params, key, expectedVersion);
  }

  /** Deletes the customer, in one statement; the document it had. Fails as {@link #update} does. */
  Future<JsonObject> delete(CustomerKey key, Integer expectedVersion) {
    return written(new StringBuilder(DELETE).append(where(key)), new HashMap<>(), key, expectedVersion);
  }

  /** Runs the write {@code sql} on the row of {@code key} (at {@code expectedVersion}, if given); its document. */
  private Future<JsonObject> written(StringBuilder sql, Map<String, Object> params, CustomerKey key, Integer expectedVersion) {
    params.putAll(key.asValues());
    if (expectedVersion != null) {
      sql.append(VERSION_IS);
      params.put(CustomerMessages.EXPECTED_VERSION, expectedVersion);
    }
    String text = sql.append(RETURNING).toString();
    return statements.of(text).mapTo(CustomerRows.DOCUMENT).execute(params)
        .compose(rows -> {
          JsonObject written = Rows.firstOrNull(rows);
          return written != null ? Future.succeededFuture(written) : whyNotWritten(key, expectedVersion);
        });
  }

  /**
   * No row was written: there is no such customer, or it is at another version than expected. A
   * write that expected no version found no customer, whatever has appeared since.
   */
  private Future<JsonObject> whyNotWritten(CustomerKey key, Integer expectedVersion) {
    return find(key).compose(current -> {
      if (current == null || expectedVersion == null) {
        return Future.failedFuture(ServiceFailure.notFound("No customer profile for " + key + "."));
      }
      int version = current.getInteger(CustomerField.VERSION.json());
      return Future.failedFuture(ServiceFailure
          .conflict("The customer was changed by someone else (version " + version + ", expected " + expectedVersion + ").")
          .with(CustomerMessages.CURRENT_VERSION, version));
    });
  }

  Future<JsonObject> list(ListQuery query) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(ListQuery.CITY, query.city());
    params.put(ListQuery.STATE, query.state());
    params.put(ListQuery.COUNTRY, query.country());
    params.put(ListQuery.IS_VERIFIED, query.isVerified());
    params.put(ListQuery.IS_BUSINESS_CUSTOMER, query.isBusinessCustomer());
    params.put(ListQuery.SEARCH, query.search() == null ? null : "%" + likeEscaped(query.search()) + "%");
    String filters = filters(params);
    // The filters' values, before the page's: one count serves every page of a filter. Encoded as
    // JSON, so no value can pass for another filter's (a city holding ", state=").
    String filter = filters + new JsonArray(new ArrayList<>(params.values())).encode();
    params.put("limit", query.pageSize());
    params.put("offset", query.offset());
    Future<Long> count = counts.count(filter, () -> Pages.count(statements.of(COUNT + filters).execute(params)));
    Future<RowSet<JsonObject>> page = statements.of(SELECT + filters + orderBy(query) + PAGE_LIMIT)
        .mapTo(CustomerRows.DOCUMENT).execute(params);
    return Pages.of(query, count, page);
  }

  Future<Void> ping() {
    return pool.query(PING).execute().mapEmpty();
  }

  private static String where(CustomerKey key) {
    return key.byUser() ? BY_USER : BY_ID;
  }

  /** The search term as a literal inside ILIKE: its own wildcards and the escape character escaped. */
  private static String likeEscaped(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The WHERE clause of the filters given (a non-null parameter), or nothing. */
  private static String filters(Map<String, Object> params) {
    String predicates = FILTER_PREDICATES.entrySet().stream()
        .filter(filter -> params.get(filter.getKey()) != null)
        .map(Map.Entry::getValue)
        .collect(Collectors.joining(" AND "));
    return predicates.isEmpty() ? "" : " WHERE " + predicates;
  }

  /**
   * The id breaks ties so pages are stable. NULLS LAST only where a column can be null: written on
   * a NOT NULL column it would no longer match that column's index, and every page would sort all
   * the matching rows.
   */
  private static String orderBy(ListQuery query) {
    CustomerField field = query.orderingField().field();
    String direction = query.descending() ? " DESC" : " ASC";
    String nulls = NULLABLE.contains(field) ? " NULLS LAST" : "";
    return " ORDER BY " + field.json() + direction + nulls + ", id" + direction;
  }

  private static Map<String, String> filterPredicates() {
    Map<String, String> predicates = new LinkedHashMap<>();
    predicates.put(ListQuery.CITY, "lower(city) = lower(#{city})");
    predicates.put(ListQuery.STATE, "lower(state) = lower(#{state})");
    predicates.put(ListQuery.COUNTRY, "lower(country) = lower(#{country})");
    predicates.put(ListQuery.IS_VERIFIED, "is_verified = #{is_verified}");
    predicates.put(ListQuery.IS_BUSINESS_CUSTOMER, "(coalesce(btrim(company_name), '') <> '') = #{is_business_customer}");
    predicates.put(ListQuery.SEARCH, "(street_address ILIKE #{search} OR city ILIKE #{search} OR state ILIKE #{search}"
        + " OR postal_code ILIKE #{search} OR country ILIKE #{search} OR company_name ILIKE #{search})");
    return predicates;
  }
}
