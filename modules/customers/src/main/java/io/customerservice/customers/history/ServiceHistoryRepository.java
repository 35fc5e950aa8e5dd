package io.customerservice.customers.history;

import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.Timestamps;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.ListQuery;
import io.customerservice.contract.history.HistoryMessages;
import io.customerservice.contract.history.ServiceRecordRequest;
import io.customerservice.customers.CustomerRows;
import io.customerservice.customers.CustomerSchema;
import io.customerservice.database.Pages;
import io.customerservice.database.Rows;
import io.customerservice.database.Templates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.RowMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * All SQL of the service history. Recording is one transaction: the history row, then the
 * customer's counters under that row's lock, so concurrent records on one customer serialise
 * there and each counts exactly once.
 */
final class ServiceHistoryRepository {

  private static final String TABLE = CustomerSchema.NAME + ".service_history";
  private static final String CUSTOMERS = CustomerSchema.NAME + ".customer";

  /** A record's columns, read by position ({@link #record(Row, int)}). */
  private static final String RECORD_COLUMNS =
      "id, customer_id, service_date, service_type, reference, idempotency_key, recorded_by, recorded_at";
  private static final String INSERT = "INSERT INTO " + TABLE
      + " (customer_id, service_date, service_type, reference, idempotency_key, recorded_by)"
      + " VALUES (#{customer_id}, coalesce(#{service_date}, now()), #{service_type}, #{reference}, #{idempotency_key}, #{recorded_by})"
      + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + RECORD_COLUMNS;
  /**
   * The record and the customer's counters in one statement, so in one transaction and one round
   * trip: a new idempotency key inserts the row and moves the counters; a known one writes
   * nothing and returns nothing. It returns the whole customer after the change, then the record,
   * so that the caller need not read the customer again for its answer.
   */
  private static final String RECORD_AND_COUNT = "WITH inserted AS (" + INSERT + "),"
      + " counted AS (UPDATE " + CUSTOMERS
      + " SET total_services = total_services + 1,"
      + "     last_service_date = greatest(last_service_date, (SELECT service_date FROM inserted)),"
      + "     version = version + 1, updated_at = now()"
      + " WHERE id = (SELECT customer_id FROM inserted) RETURNING " + CustomerRows.COLUMNS + ")"
      + " SELECT counted.*, inserted.* FROM counted, inserted";
  /**
   * The first record of a known idempotency key with its customer now, in the row shape of
   * {@link #RECORD_AND_COUNT}. Neither is there when the customer was deleted since (its history
   * goes with it).
   */
  private static final String REPLAY = "WITH recorded AS (SELECT " + RECORD_COLUMNS + " FROM " + TABLE
      + " WHERE idempotency_key = #{idempotency_key}),"
      + " customer_now AS (SELECT " + CustomerRows.COLUMNS + " FROM " + CUSTOMERS + " WHERE id = (SELECT customer_id FROM recorded))"
      + " SELECT customer_now.*, recorded.* FROM customer_now, recorded";
  private static final String CUSTOMER_BY_ID = "SELECT id FROM " + CUSTOMERS + " WHERE id = #{id}";
  private static final String CUSTOMER_BY_USER = "SELECT id FROM " + CUSTOMERS + " WHERE user_id = #{user_id}";
  private static final String COUNT = "SELECT count(*) AS count FROM " + TABLE + " WHERE customer_id = #{customer_id}";
  private static final String PAGE = "SELECT " + RECORD_COLUMNS + " FROM " + TABLE + " WHERE customer_id = #{customer_id}"
      + " ORDER BY service_date DESC, recorded_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}";

  private static final RowMapper<JsonObject> RECORD = row -> record(row, 0);

  private final Templates statements;

  ServiceHistoryRepository(Pool pool) {
    this.statements = new Templates(pool);
  }

  /** Records the service, or, for an idempotency key seen before, answers with the first record. */
  Future<JsonObject> record(ServiceRecordRequest request) {
    Map<String, Object> params = new HashMap<>();
    params.put(ServiceRecordRequest.CUSTOMER_ID, request.customerId());
    params.put(ServiceRecordRequest.SERVICE_DATE, request.serviceDate());
    params.put(ServiceRecordRequest.SERVICE_TYPE, request.serviceType());
    params.put(ServiceRecordRequest.REFERENCE, request.reference());
    params.put(ServiceRecordRequest.IDEMPOTENCY_KEY, request.idempotencyKey());
    params.put(ServiceRecordRequest.RECORDED_BY, request.recordedBy());
    return statements.of(RECORD_AND_COUNT).execute(params).compose(written -> {
      Row row = Rows.firstOrNull(written);
      if (row == null) {
        return replay(request);
      }
      return Future.succeededFuture(reply(row, false));
    });
  }

  /** The customer's history page, newest first; NOT_FOUND when there is no such customer. */
  Future<JsonObject> list(CustomerKey key, ListQuery page) {
    String find = key.byUser() ? CUSTOMER_BY_USER : CUSTOMER_BY_ID;
    return statements.of(find).execute(key.asValues()).compose(found -> {
      Row customer = Rows.firstOrNull(found);
      if (customer == null) {
        return noSuchCustomer(key);
      }
      UUID customerId = customer.getUUID("id");
      Map<String, Object> params = Map.of(ServiceRecordRequest.CUSTOMER_ID, customerId,
          "limit", page.pageSize(), "offset", page.offset());
      return Pages.of(page, Pages.count(statements.of(COUNT).execute(params)), statements.of(PAGE).mapTo(RECORD).execute(params));
    });
  }

  /** The first record of a known idempotency key, with the customer now; NOT_FOUND when the customer is gone. */
  private Future<JsonObject> replay(ServiceRecordRequest request) {
    return statements.of(REPLAY).execute(Map.of(ServiceRecordRequest.IDEMPOTENCY_KEY, request.idempotencyKey()))
        .compose(rows -> {
          Row row = Rows.firstOrNull(rows);
          if (row == null) {
            return noSuchCustomer(CustomerKey.ofId(request.customerId()));
          }
          JsonObject replayed = reply(row, true);
          return sameService(replayed.getJsonObject(HistoryMessages.RECORD), request)
              ? Future.succeededFuture(replayed)
              : Future.failedFuture(ServiceFailure.conflict("This idempotency key was already used for a different service record."));
        });
  }

  private static <T> Future<T> noSuchCustomer(CustomerKey key) {
    return Future.failedFuture(ServiceFailure.notFound("No customer profile for " + key + "."));
  }

  /** A retry names the same customer, and any detail it gives matches the first record. */
  private static boolean sameService(JsonObject first, ServiceRecordRequest request) {
    return first.getString(ServiceRecordRequest.CUSTOMER_ID).equals(request.customerId().toString())
        && (request.serviceDate() == null
            || Objects.equals(first.getString(ServiceRecordRequest.SERVICE_DATE), Timestamps.format(request.serviceDate())))
        && (request.serviceType() == null || request.serviceType().equals(first.getString(ServiceRecordRequest.SERVICE_TYPE)))
        && (request.reference() == null || request.reference().equals(first.getString(ServiceRecordRequest.REFERENCE)));
  }

  /** The reply from a row of the customer's columns followed by the record's. */
  private static JsonObject reply(Row row, boolean replayed) {
    return new JsonObject()
        .put(HistoryMessages.RECORD, record(row, CustomerRows.COLUMN_COUNT))
        .put(HistoryMessages.CUSTOMER, CustomerRows.DOCUMENT.map(row))
        .put(HistoryMessages.REPLAYED, replayed);
  }

  /** The record whose {@link #RECORD_COLUMNS} start at column {@code first} of {@code row}. */
  private static JsonObject record(Row row, int first) {
    return new JsonObject()
        .put("id", row.getUUID(first).toString())
        .put(ServiceRecordRequest.CUSTOMER_ID, row.getUUID(first + 1).toString())
        .put(ServiceRecordRequest.SERVICE_DATE, Timestamps.format(row.getOffsetDateTime(first + 2)))
        .put(ServiceRecordRequest.SERVICE_TYPE, row.getString(first + 3))
        .put(ServiceRecordRequest.REFERENCE, row.getString(first + 4))
        .put(ServiceRecordRequest.IDEMPOTENCY_KEY, row.getString(first + 5))
        .put(ServiceRecordRequest.RECORDED_BY, row.getString(first + 6))
        .put("recorded_at", Timestamps.format(row.getOffsetDateTime(first + 7)));
  }
}
