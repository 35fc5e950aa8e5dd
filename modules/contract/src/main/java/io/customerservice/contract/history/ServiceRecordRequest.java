package io.customerservice.contract.history;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.RequestMembers;
import io.customerservice.contract.TextRules;
import io.customerservice.contract.Timestamps;
import io.customerservice.contract.customer.Uuids;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request of {@code history.service.record}: one completed service for a customer.
 * {@code service_date} defaults to now and may not lie in the future beyond the allowed clock
 * skew; {@code idempotency_key} makes retries count once.
 */
public record ServiceRecordRequest(
    UUID customerId,
    OffsetDateTime serviceDate,
    String serviceType,
    String reference,
    String idempotencyKey,
    String recordedBy) {

  public static final String CUSTOMER_ID = "customer_id";
  public static final String SERVICE_DATE = "service_date";
  public static final String SERVICE_TYPE = "service_type";
  public static final String REFERENCE = "reference";
  public static final String IDEMPOTENCY_KEY = "idempotency_key";
  public static final String RECORDED_BY = "recorded_by";

  public static final int MAX_SERVICE_TYPE = 50;
  public static final int MAX_REFERENCE = 100;
  public static final int MAX_IDEMPOTENCY_KEY = 255;
  public static final int MAX_RECORDED_BY = 100;
  /** Who recorded a service when the caller does not say. */
  public static final String DEFAULT_RECORDER = "event-bus";

  private static final Set<String> MEMBERS =
      Set.of(CUSTOMER_ID, SERVICE_DATE, SERVICE_TYPE, REFERENCE, IDEMPOTENCY_KEY, RECORDED_BY);
  /** Printable ASCII without spaces, as idempotency keys are (UUIDs, ULIDs, job ids). */
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");
  private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** Reads and checks a request; {@code maxSkew} is how far in the future a service date may be. */
  public static ServiceRecordRequest fromJson(JsonObject json, Duration maxSkew) {
    FieldErrors errors = RequestMembers.onlyAllowed(json, MEMBERS, "This field is not allowed.");
    UUID customerId = Uuids.parse(json, CUSTOMER_ID, errors);
    OffsetDateTime date = date(json.getValue(SERVICE_DATE), maxSkew, errors);
    String type = text(json, SERVICE_TYPE, MAX_SERVICE_TYPE, errors);
    String reference = text(json, REFERENCE, MAX_REFERENCE, errors);
    String key = text(json, IDEMPOTENCY_KEY, MAX_IDEMPOTENCY_KEY, errors);
    if (key != null && !KEY.matcher(key).matches()) {
      errors.add(IDEMPOTENCY_KEY, "Use printable characters without spaces.");
    }
    String recordedBy = text(json, RECORDED_BY, MAX_RECORDED_BY, errors);
    errors.throwIfAny();
    return new ServiceRecordRequest(customerId, date, type, reference, key, recordedBy == null ? DEFAULT_RECORDER : recordedBy);
  }

  /** A date as {@link Timestamps#parseLenient} reads it; absent means "now". */
  private static OffsetDateTime date(Object value, Duration maxSkew, FieldErrors errors) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      errors.add(SERVICE_DATE, "Datetime has wrong format. Use ISO 8601, for example 2025-10-31T14:30:00Z.");
      return null;
    }
    OffsetDateTime date = Timestamps.parseLenient(text.strip());
    if (date == null) {
      errors.add(SERVICE_DATE, "Datetime has wrong format. Use ISO 8601, for example 2025-10-31T14:30:00Z.");
    } else if (date.toInstant().isAfter(Instant.now().plus(maxSkew))) {
      errors.add(SERVICE_DATE, "A service date may not be in the future.");
    } else if (date.isBefore(EARLIEST)) {
      errors.add(SERVICE_DATE, "A service date must be after 1900.");
    }
    return date;
  }


  private static String text(JsonObject json, String field, int max, FieldErrors errors) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String raw)) {
      errors.add(field, "Not a valid string.");
      return null;
    }
    String text = raw.strip();
    if (text.codePointCount(0, text.length()) > max) {
      errors.add(field, "Ensure this field has no more than " + max + " characters.");
    } else {
      TextRules.refuse(field, text, errors);
    }
    return text.isEmpty() ? null : text;
  }
}
