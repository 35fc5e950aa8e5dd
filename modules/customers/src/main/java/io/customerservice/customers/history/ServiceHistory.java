package io.customerservice.customers.history;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.ListQuery;
import io.customerservice.contract.history.HistoryMessages;
import io.customerservice.contract.history.ServiceRecordRequest;
import io.customerservice.database.DatabaseFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;

/** The service-history operations, one per address; the event goes out after the commit. */
final class ServiceHistory {

  private static final Map<String, ServiceFailure> CONSTRAINT_FACTS = Map.of(
      "service_history_customer_fkey", ServiceFailure.notFound("No such customer."));

  private final ServiceHistoryRepository repository;
  private final EventBus eventBus;
  private final Duration maxClockSkew;

  ServiceHistory(ServiceHistoryRepository repository, EventBus eventBus, Duration maxClockSkew) {
    this.repository = repository;
    this.eventBus = eventBus;
    this.maxClockSkew = maxClockSkew;
  }

  Future<JsonObject> record(JsonObject request) {
    ServiceRecordRequest service = ServiceRecordRequest.fromJson(request, maxClockSkew);
    return stored(repository.record(service)).onSuccess(reply -> {
      if (!reply.getBoolean(HistoryMessages.REPLAYED)) {
        JsonObject event = reply.copy();
        event.remove(HistoryMessages.REPLAYED);
        eventBus.publish(Addresses.HISTORY_EVENTS_SERVICE_RECORDED, event);
      }
    });
  }

  Future<JsonObject> list(JsonObject request) {
    FieldErrors errors = new FieldErrors();
    CustomerKey key = CustomerKey.from(request, errors);
    errors.throwIfAny();
    JsonObject paging = request.copy();
    paging.remove(CustomerKey.ID);
    paging.remove(CustomerKey.USER_ID);
    return stored(repository.list(key, ListQuery.fromJson(paging)));
  }

  private static <T> Future<T> stored(Future<T> operation) {
    return operation.recover(error -> Future.failedFuture(DatabaseFailures.map(error, CONSTRAINT_FACTS)));
  }
}
