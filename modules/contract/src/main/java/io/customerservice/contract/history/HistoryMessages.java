package io.customerservice.contract.history;

import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.ListQuery;
import io.vertx.core.json.JsonObject;

/**
 * The JSON shapes of the service-history replies and of {@code history.service.list} (see
 * docs/event-bus.md).
 */
public final class HistoryMessages {

  /** In a record reply: the service record (the first one, for a replayed idempotency key). */
  public static final String RECORD = "record";
  /** In a record reply: the customer's counters after the record. */
  public static final String COUNTERS = "customer";
  /** In a record reply: true when the idempotency key had been used and nothing was counted now. */
  public static final String REPLAYED = "replayed";

  private HistoryMessages() {
  }

  /** A page of a customer's history, by customer id or user id. */
  public static JsonObject list(CustomerKey key, Integer page, Integer pageSize) {
    JsonObject request = key.toJson();
    if (page != null) {
      request.put(ListQuery.PAGE, page);
    }
    if (pageSize != null) {
      request.put(ListQuery.PAGE_SIZE, pageSize);
    }
    return request;
  }
}
