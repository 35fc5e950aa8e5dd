package io.customerservice.contract.customer;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.RequestMembers;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.TextRules;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A page of the customer list with its filters: the request of {@code customers.profile.list}.
 * Filters are exact and case-insensitive; {@code search} matches any part of the address or the
 * company name; {@code page_size} is capped at {@link #MAX_PAGE_SIZE} as Django REST framework's
 * {@code max_page_size} does.
 */
public record ListQuery(
    int page,
    int pageSize,
    String city,
    String state,
    String country,
    Boolean isVerified,
    Boolean isBusinessCustomer,
    String search,
    String ordering) {

  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 100;
  private static final int MAX_FILTER_LENGTH = 255;

  public static final String PAGE = "page";
  public static final String PAGE_SIZE = "page_size";
  public static final String CITY = "city";
  public static final String STATE = "state";
  public static final String COUNTRY = "country";
  public static final String IS_VERIFIED = "is_verified";
  public static final String IS_BUSINESS_CUSTOMER = "is_business_customer";
  public static final String SEARCH = "search";
  public static final String ORDERING = "ordering";
  private static final Set<String> MEMBERS =
      Set.of(PAGE, PAGE_SIZE, CITY, STATE, COUNTRY, IS_VERIFIED, IS_BUSINESS_CUSTOMER, SEARCH, ORDERING);

  /** The rows before this page; a long, since a page number near the int limit times the size overflows an int. */
  public long offset() {
    return (page - 1L) * pageSize;
  }

  public CustomerOrdering orderingField() {
    return CustomerOrdering.named(ordering).orElseThrow();
  }

  public boolean descending() {
    return ordering.startsWith("-");
  }

  /** Reads and checks a list request; every member is optional. */
  public static ListQuery fromJson(JsonObject json) {
    FieldErrors errors = RequestMembers.onlyAllowed(json, MEMBERS, "This parameter is not allowed.");
    int page = orDefault(RequestMembers.positiveInteger(json, PAGE, errors), 1);
    int pageSize = Math.min(orDefault(RequestMembers.positiveInteger(json, PAGE_SIZE, errors), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
    String ordering = text(json, ORDERING, errors);
    if (ordering == null) {
      ordering = CustomerOrdering.DEFAULT;
    } else if (CustomerOrdering.named(ordering).isEmpty()) {
      errors.add(ORDERING, "Must be one of " + CustomerOrdering.spellings() + ".");
    }
    ListQuery query = new ListQuery(page, pageSize,
        text(json, CITY, errors), text(json, STATE, errors), text(json, COUNTRY, errors),
        bool(json, IS_VERIFIED, errors), bool(json, IS_BUSINESS_CUSTOMER, errors),
        text(json, SEARCH, errors), ordering);
    errors.throwIfAny();
    return query;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static String text(JsonObject json, String key, FieldErrors errors) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > MAX_FILTER_LENGTH) {
      errors.add(key, "Must be a string of at most " + MAX_FILTER_LENGTH + " characters.");
      return null;
    }
    String stripped = text.strip();
    if (TextRules.refuse(key, stripped, errors)) {
      return null;
    }
    return stripped.isEmpty() ? null : stripped;
  }

  private static Boolean bool(JsonObject json, String key, FieldErrors errors) {
    Object value = json.getValue(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    errors.add(key, "Must be a valid boolean.");
    return null;
  }

  /** Fails as Django REST framework's paginator does for a page past the end. */
  public static ServiceFailure invalidPage() {
    return ServiceFailure.notFound("Invalid page.");
  }
}
