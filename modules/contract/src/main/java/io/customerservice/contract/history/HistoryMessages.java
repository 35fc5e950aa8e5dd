package io.customerservice.contract.history;


/**
 * The JSON shapes of the service-history replies and of {@code history.service.list} (see
 * docs/event-bus.md).
 */
public final class HistoryMessages {

  /** In a record reply: the service record (the first one, for a replayed idempotency key). */
  public static final String RECORD = "record";
  /** In a record reply: the customer after the record (the Customer document, its counters moved). */
  public static final String CUSTOMER = "customer";
  /** In a record reply: true when the idempotency key had been used and nothing was counted now. */
  public static final String REPLAYED = "replayed";

  private HistoryMessages() {
  }
}
