package io.customerservice.customers;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.RequestMembers;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.CustomerValidation;
import io.customerservice.contract.customer.ImportMessages;
import io.customerservice.contract.customer.ListQuery;
import io.customerservice.contract.customer.Uuids;
import io.customerservice.database.DatabaseFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The customer store's operations, one per address: read and check the request, run it against
 * the repository, publish the event after the commit, and report failures in the contract's codes.
 */
final class CustomerStore {

  private static final String EXPECTED = CustomerMessages.EXPECTED_VERSION;
  /** The one constraint whose violation is an answer rather than a bug: a user has one profile. */
  private static final Map<String, ServiceFailure> CONSTRAINT_FACTS = Map.of(
      "customer_user_id_key", ServiceFailure.conflict("A customer profile already exists for this user."));

  private final CustomerRepository repository;
  private final EventBus eventBus;

  CustomerStore(CustomerRepository repository, EventBus eventBus) {
    this.repository = repository;
    this.eventBus = eventBus;
  }

  Future<JsonObject> create(JsonObject request) {
    FieldErrors errors = envelope(request, Set.of(CustomerKey.USER_ID, CustomerMessages.PROFILE));
    UUID userId = Uuids.parse(request, CustomerKey.USER_ID, errors);
    JsonObject profile = object(request, CustomerMessages.PROFILE, errors);
    errors.throwIfAny();
    JsonObject valid = CustomerValidation.validate(profile, CustomerValidation.Mode.COMPLETE);
    return stored(repository.insert(userId, valid))
        .onSuccess(customer -> eventBus.publish(Addresses.CUSTOMERS_EVENTS_CREATED, customer));
  }

  Future<JsonObject> get(JsonObject request) {
    FieldErrors errors = envelope(request, Set.of(CustomerKey.ID, CustomerKey.USER_ID));
    CustomerKey key = CustomerKey.from(request, errors);
    errors.throwIfAny();
    return stored(repository.find(key)).compose(customer -> customer != null
        ? Future.succeededFuture(customer)
        : Future.failedFuture(CustomerMessages.notFound(key)));
  }

  /** Reads as {@link #get} does, several at once; each key is read once, however often it is named. */
  Future<JsonObject> getMany(JsonObject request) {
    FieldErrors errors = envelope(request, Set.of(CustomerMessages.USER_IDS, CustomerMessages.IDS));
    boolean byUser = request.getValue(CustomerMessages.USER_IDS) != null;
    if (byUser == (request.getValue(CustomerMessages.IDS) != null)) {
      errors.add(FieldErrors.NON_FIELD_ERRORS, "Give exactly one of \"ids\" and \"user_ids\".");
    }
    errors.throwIfAny();
    String member = byUser ? CustomerMessages.USER_IDS : CustomerMessages.IDS;
    Set<UUID> keys = uuids(request, member, errors);
    errors.throwIfAny();
    return stored(repository.findAll(byUser, keys)).map(found -> {
      List<JsonObject> customers = new ArrayList<>(found.size());
      keys.forEach(key -> Optional.ofNullable(found.get(key)).ifPresent(customers::add));
      return CustomerMessages.getManyReply(customers);
    });
  }

  Future<JsonObject> exists(JsonObject request) {
    FieldErrors errors = envelope(request, Set.of(CustomerKey.USER_ID));
    UUID userId = Uuids.parse(request, CustomerKey.USER_ID, errors);
    errors.throwIfAny();
    return stored(repository.find(CustomerKey.ofUser(userId))).map(customer -> CustomerMessages.existsReply(
        customer == null ? null : UUID.fromString(customer.getString(CustomerKey.ID))));
  }

  Future<JsonObject> update(JsonObject request) {
    return write(request, CustomerMessages.CHANGES, CustomerValidation.Mode.PARTIAL);
  }

  Future<JsonObject> replace(JsonObject request) {
    return write(request, CustomerMessages.PROFILE, CustomerValidation.Mode.COMPLETE);
  }

  Future<JsonObject> delete(JsonObject request) {
    FieldErrors errors = envelope(request, Set.of(CustomerKey.ID, CustomerKey.USER_ID, EXPECTED));
    CustomerKey key = CustomerKey.from(request, errors);
    Integer expected = version(request, errors);
    errors.throwIfAny();
    return stored(repository.delete(key, expected)).map(deleted -> {
      JsonObject reply = CustomerMessages.deletedReply(
          UUID.fromString(deleted.getString(CustomerKey.ID)), UUID.fromString(deleted.getString(CustomerKey.USER_ID)));
      eventBus.publish(Addresses.CUSTOMERS_EVENTS_DELETED, reply);
      return reply;
    });
  }

  /**
   * A batch of migrated customers: each row is checked as a new profile is; the batch is written
   * in one transaction, or, in a dry run, only checked against who already has a profile.
   */
  Future<JsonObject> importBatch(JsonObject request) {
    FieldErrors errors = envelope(request, Set.of(ImportMessages.ROWS, ImportMessages.DRY_RUN));
    JsonArray rows = request.getValue(ImportMessages.ROWS) instanceof JsonArray array ? array : null;
    if (rows == null || rows.isEmpty() || rows.size() > ImportMessages.MAX_ROWS) {
      errors.add(ImportMessages.ROWS, "A list of 1 to " + ImportMessages.MAX_ROWS + " rows is required.");
    }
    errors.throwIfAny();
    List<UUID> userIds = new ArrayList<>();
    List<Map<String, Object>> params = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      params.add(importRow(rows.getValue(i), i, userIds));
    }
    if (Boolean.TRUE.equals(request.getValue(ImportMessages.DRY_RUN))) {
      return stored(repository.usersPresent(userIds)).map(present ->
          importReply(userIds, id -> present.contains(id) ? null : new JsonObject()));
    }
    return stored(repository.importRows(params)).map(inserted -> {
      Map<UUID, JsonObject> byUser = new HashMap<>();
      inserted.forEach(customer -> {
        byUser.put(UUID.fromString(customer.getString(CustomerKey.USER_ID)), customer);
        eventBus.publish(Addresses.CUSTOMERS_EVENTS_CREATED, customer);
      });
      return importReply(userIds, byUser::get);
    });
  }

  /** One row's template parameters, or INVALID naming the row. */
  private static Map<String, Object> importRow(Object value, int index, List<UUID> userIds) {
    FieldErrors errors = new FieldErrors();
    String where = "rows[" + index + "]";
    if (!(value instanceof JsonObject row)) {
      throw ServiceFailure.invalid(errors.add(where, "A JSON object is required."));
    }
    UUID userId = Uuids.parse(row, CustomerKey.USER_ID, errors);
    JsonObject profile = object(row, CustomerMessages.PROFILE, errors);
    OffsetDateTime since = null;
    if (row.getValue(ImportMessages.CUSTOMER_SINCE) instanceof String text) {
      try {
        since = OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        errors.add(ImportMessages.CUSTOMER_SINCE, "Use ISO 8601 with an offset.");
      }
    }
    errors.throwIfAny();
    JsonObject valid;
    try {
      valid = CustomerValidation.validate(profile, CustomerValidation.Mode.COMPLETE);
    } catch (ServiceFailure invalid) {
      throw ServiceFailure.invalid(new FieldErrors().add(where, invalid.fieldErrors().encode()));
    }
    userIds.add(userId);
    Map<String, Object> params = CustomerRows.writableParams(valid);
    params.put(CustomerKey.USER_ID, userId);
    params.put(ImportMessages.CUSTOMER_SINCE, since);
    return params;
  }

  private static JsonObject importReply(List<UUID> userIds, java.util.function.Function<UUID, JsonObject> imported) {
    JsonArray results = new JsonArray();
    Set<UUID> seen = new HashSet<>();
    for (UUID userId : userIds) {
      JsonObject customer = seen.add(userId) ? imported.apply(userId) : null;
      results.add(new JsonObject()
          .put(CustomerKey.USER_ID, userId.toString())
          .put(ImportMessages.STATUS, customer != null ? ImportMessages.IMPORTED : ImportMessages.PRESENT)
          .put(CustomerMessages.CUSTOMER_ID, customer == null ? null : customer.getString(CustomerKey.ID)));
    }
    return new JsonObject().put(ImportMessages.RESULTS, results);
  }

  Future<JsonObject> list(JsonObject request) {
    return stored(repository.list(ListQuery.fromJson(request)));
  }

  Future<JsonObject> health(JsonObject request) {
    return stored(repository.ping()).map(v -> new JsonObject().put(CustomerMessages.STATUS, CustomerMessages.STATUS_UP));
  }

  /** Update and replace differ only in the member that carries the fields and in what is required. */
  private Future<JsonObject> write(JsonObject request, String member, CustomerValidation.Mode mode) {
    FieldErrors errors = envelope(request, Set.of(CustomerKey.ID, CustomerKey.USER_ID, member, EXPECTED));
    CustomerKey key = CustomerKey.from(request, errors);
    JsonObject fields = object(request, member, errors);
    Integer expected = version(request, errors);
    errors.throwIfAny();
    JsonObject valid = CustomerValidation.validate(fields, mode);
    return stored(repository.update(key, expected, valid))
        .onSuccess(customer -> eventBus.publish(Addresses.CUSTOMERS_EVENTS_UPDATED, customer));
  }

  private static <T> Future<T> stored(Future<T> operation) {
    return operation.recover(error -> Future.failedFuture(DatabaseFailures.map(error, CONSTRAINT_FACTS)));
  }

  private static FieldErrors envelope(JsonObject request, Set<String> members) {
    return RequestMembers.onlyAllowed(request, members, "This member is not part of the request.");
  }

  private static JsonObject object(JsonObject request, String member, FieldErrors errors) {
    if (request.getValue(member) instanceof JsonObject object) {
      return object;
    }
    errors.add(member, "A JSON object is required.");
    return new JsonObject();
  }

  /** The distinct UUIDs of a list of 1 to MAX_KEYS; an error names the first item that is not one. */
  private static Set<UUID> uuids(JsonObject request, String member, FieldErrors errors) {
    Set<UUID> keys = new LinkedHashSet<>();
    if (!(request.getValue(member) instanceof JsonArray list) || list.isEmpty() || list.size() > CustomerMessages.MAX_KEYS) {
      errors.add(member, "A list of 1 to " + CustomerMessages.MAX_KEYS + " UUIDs is required.");
      return keys;
    }
    for (int i = 0; i < list.size(); i++) {
      Object value = list.getValue(i);
      Optional<UUID> key = value instanceof String text ? Uuids.parse(text) : Optional.empty();
      if (key.isEmpty()) {
        errors.add(member, "Item " + i + " is not a valid UUID.");
        return keys;
      }
      keys.add(key.get());
    }
    return keys;
  }

  private static Integer version(JsonObject request, FieldErrors errors) {
    return RequestMembers.positiveInteger(request, EXPECTED, errors);
  }
}
