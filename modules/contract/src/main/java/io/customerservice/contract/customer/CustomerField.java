package io.customerservice.contract.customer;

import io.customerservice.contract.JsonLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every field of the Customer document, in the order responses list them: its JSON name (also
 * its column name), what kind of value it holds, its column length and who may write it.
 * The schema's constraints, the validation and the documentation all follow this table.
 */
public enum CustomerField {
  ID("id", Kind.UUID, 0, Access.READ_ONLY, false),
  USER_ID("user_id", Kind.UUID, 0, Access.READ_ONLY, false),
  STREET_ADDRESS("street_address", Kind.TEXT, 255, Access.OWNER, true),
  CITY("city", Kind.TEXT, 100, Access.OWNER, true),
  STATE("state", Kind.TEXT, 100, Access.OWNER, true),
  POSTAL_CODE("postal_code", Kind.POSTAL_CODE, 20, Access.OWNER, true),
  COUNTRY("country", Kind.TEXT, 100, Access.OWNER, true),
  COMPANY_NAME("company_name", Kind.TEXT, 255, Access.OWNER, false),
  BUSINESS_TYPE("business_type", Kind.TEXT, 100, Access.OWNER, false),
  TAX_ID("tax_id", Kind.TEXT, 50, Access.OWNER, false),
  IS_BUSINESS_CUSTOMER("is_business_customer", Kind.BOOLEAN, 0, Access.READ_ONLY, false),
  EMERGENCY_CONTACT_NAME("emergency_contact_name", Kind.TEXT, 200, Access.OWNER, false),
  EMERGENCY_CONTACT_PHONE("emergency_contact_phone", Kind.PHONE, 20, Access.OWNER, false),
  EMERGENCY_CONTACT_RELATIONSHIP("emergency_contact_relationship", Kind.TEXT, 100, Access.OWNER, false),
  IS_VERIFIED("is_verified", Kind.BOOLEAN, 0, Access.STAFF, false),
  CUSTOMER_SINCE("customer_since", Kind.TIMESTAMP, 0, Access.READ_ONLY, false),
  TOTAL_SERVICES("total_services", Kind.COUNT, 0, Access.READ_ONLY, false),
  LAST_SERVICE_DATE("last_service_date", Kind.TIMESTAMP, 0, Access.READ_ONLY, false),
  PREFERRED_CONTACT_METHOD("preferred_contact_method", Kind.CONTACT_METHOD, 0, Access.OWNER, false),
  NOTIFICATION_PREFERENCES("notification_preferences", Kind.JSON_OBJECT, 0, Access.OWNER, false),
  CREATED_AT("created_at", Kind.TIMESTAMP, 0, Access.READ_ONLY, false),
  UPDATED_AT("updated_at", Kind.TIMESTAMP, 0, Access.READ_ONLY, false),
  VERSION("version", Kind.COUNT, 0, Access.READ_ONLY, false);

  /** What a field holds. */
  public enum Kind { UUID, TEXT, POSTAL_CODE, PHONE, BOOLEAN, CONTACT_METHOD, JSON_OBJECT, TIMESTAMP, COUNT }

  /** Who may write a field: the profile's owner (and staff), staff only, or nobody. */
  public enum Access { OWNER, STAFF, READ_ONLY }

  /** The values of {@code preferred_contact_method}; the first is the default. */
  public static final List<String> CONTACT_METHODS = List.of("email", "phone", "sms");

  /**
   * What a new profile holds for an optional field it does not give, where that is not null.
   * The schema's column defaults say the same for rows written by other means.
   */
  public Object defaultValue() {
    return switch (kind) {
      case BOOLEAN -> Boolean.FALSE;
      case CONTACT_METHOD -> CONTACT_METHODS.get(0);
      case JSON_OBJECT -> new io.vertx.core.json.JsonObject();
      default -> null;
    };
  }

  /** Upper bound of {@code notification_preferences} encoded as JSON, in characters. */
  public static final int MAX_PREFERENCES_LENGTH = 4096;

  /**
   * What {@code notification_preferences} may hold besides its length: settings grouped a few
   * levels deep (the object itself is the first), a bounded number of them, finite numbers and
   * text under {@link io.customerservice.contract.TextRules}, names included.
   */
  public static final JsonLimits PREFERENCES_LIMITS = new JsonLimits(4, 100, true);

  private static final Map<String, CustomerField> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(f -> f.json, Function.identity()));

  private final String json;
  private final Kind kind;
  private final int maxLength;
  private final Access access;
  private final boolean required;

  CustomerField(String json, Kind kind, int maxLength, Access access, boolean required) {
    this.json = json;
    this.kind = kind;
    this.maxLength = maxLength;
    this.access = access;
    this.required = required;
  }

  public static Optional<CustomerField> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The JSON member name, which is also the column name. */
  public String json() {
    return json;
  }

  public Kind kind() {
    return kind;
  }

  /** The column's character limit; 0 for fields that are not text. */
  public int maxLength() {
    return maxLength;
  }

  public Access access() {
    return access;
  }

  /** Whether a create or a full replace must supply it (non-blank). */
  public boolean required() {
    return required;
  }

  public boolean writable() {
    return access != Access.READ_ONLY;
  }

  /** The fields a create or replace may carry, in document order. */
  public static List<CustomerField> writableFields() {
    return Arrays.stream(values()).filter(CustomerField::writable).toList();
  }
}
