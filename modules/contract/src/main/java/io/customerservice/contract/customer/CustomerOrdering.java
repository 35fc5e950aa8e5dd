package io.customerservice.contract.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The orderings a customer list accepts, as Django REST framework's OrderingFilter spells them:
 * the field name, prefixed with "-" for descending.
 */
public enum CustomerOrdering {
  CREATED_AT(CustomerField.CREATED_AT),
  UPDATED_AT(CustomerField.UPDATED_AT),
  CUSTOMER_SINCE(CustomerField.CUSTOMER_SINCE),
  CITY(CustomerField.CITY),
  STATE(CustomerField.STATE),
  COUNTRY(CustomerField.COUNTRY),
  POSTAL_CODE(CustomerField.POSTAL_CODE),
  COMPANY_NAME(CustomerField.COMPANY_NAME),
  TOTAL_SERVICES(CustomerField.TOTAL_SERVICES),
  LAST_SERVICE_DATE(CustomerField.LAST_SERVICE_DATE);

  /** Newest first, as the Django service listed customers. */
  public static final String DEFAULT = "-created_at";

  private final CustomerField field;

  CustomerOrdering(CustomerField field) {
    this.field = field;
  }

  public CustomerField field() {
    return field;
  }

  /** Every accepted spelling, ascending and descending. */
  public static List<String> spellings() {
    return Arrays.stream(values()).flatMap(o -> List.of(o.field.json(), "-" + o.field.json()).stream()).toList();
  }

  /** The ordering a spelling names ("city", "-created_at"), if any. */
  public static Optional<CustomerOrdering> named(String spelling) {
    String name = spelling.startsWith("-") ? spelling.substring(1) : spelling;
    return Arrays.stream(values()).filter(o -> o.field.json().equals(name)).findFirst();
  }
}
