package io.customerservice.customers;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.CustomerValidation;
import io.customerservice.contract.customer.ListQuery;
import io.customerservice.contract.customer.Uuids;
import io.customerservice.database.DatabaseFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Map;
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
        : Future.failedFuture(ServiceFailure.notFound("No customer profile for " + key + ".")));
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
    return stored(repository.update(key, expected, current -> current.copy().mergeIn(valid)))
        .onSuccess(customer -> eventBus.publish(Addresses.CUSTOMERS_EVENTS_UPDATED, customer));
  }

  private static <T> Future<T> stored(Future<T> operation) {
    return operation.recover(error -> Future.failedFuture(DatabaseFailures.map(error, CONSTRAINT_FACTS)));
  }

  private static FieldErrors envelope(JsonObject request, Set<String> members) {
    FieldErrors errors = new FieldErrors();
    request.fieldNames().stream().filter(name -> !members.contains(name))
        .forEach(name -> errors.add(name, "This member is not part of the request."));
    return errors;
  }

  private static JsonObject object(JsonObject request, String member, FieldErrors errors) {
    if (request.getValue(member) instanceof JsonObject object) {
      return object;
    }
    errors.add(member, "A JSON object is required.");
    return new JsonObject();
  }

  private static Integer version(JsonObject request, FieldErrors errors) {
    Object value = request.getValue(EXPECTED);
    if (value == null) {
      return null;
    }
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 1
        && ((Number) value).longValue() <= Integer.MAX_VALUE) {
      return ((Number) value).intValue();
    }
    errors.add(EXPECTED, "A positive integer is required.");
    return null;
  }
}
