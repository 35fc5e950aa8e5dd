package io.customerservice.customers;

import io.customerservice.contract.Timestamps;
import io.customerservice.contract.customer.CustomerField;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.RowMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Converts between rows of {@code customers.customer} and the Customer JSON document. */
public final class CustomerRows {

  /** The one field that is not a column: the seed's {@code is_business_customer} property. */
  private static final CustomerField DERIVED = CustomerField.IS_BUSINESS_CUSTOMER;
  private static final CustomerField[] FIELDS = CustomerField.values();
  private static final CustomerField[] STORED = Arrays.stream(FIELDS)
      .filter(field -> field != DERIVED).toArray(CustomerField[]::new);

  /**
   * The select list every statement reads a customer with, in document order. Rows are read by
   * position in this list: looking each column up by name cost more than decoding it.
   */
  public static final String COLUMNS = Arrays.stream(STORED).map(CustomerField::json).collect(Collectors.joining(", "));
  /** How many columns {@link #COLUMNS} names: a row that reads more after them starts there. */
  public static final int COLUMN_COUNT = STORED.length;

  /** A row read with {@link #COLUMNS} first as the Customer document, in {@link CustomerField} order. */
  public static final RowMapper<JsonObject> DOCUMENT = CustomerRows::document;

  private CustomerRows() {
  }

  private static JsonObject document(Row row) {
    Object[] values = new Object[FIELDS.length];
    for (int column = 0; column < STORED.length; column++) {
      CustomerField field = STORED[column];
      values[field.ordinal()] = switch (field.kind()) {
        case UUID -> row.getUUID(column).toString();
        case TEXT, POSTAL_CODE, PHONE, CONTACT_METHOD -> row.getString(column);
        case BOOLEAN -> row.getBoolean(column);
        case TIMESTAMP -> Timestamps.format(row.getOffsetDateTime(column));
        case COUNT -> row.getInteger(column);
        case JSON_OBJECT -> row.getJsonObject(column);
      };
    }
    values[DERIVED.ordinal()] = isBusiness((String) values[CustomerField.COMPANY_NAME.ordinal()]);
    JsonObject doc = new JsonObject(new LinkedHashMap<>(2 * FIELDS.length));
    for (CustomerField field : FIELDS) {
      doc.put(field.json(), values[field.ordinal()]);
    }
    return doc;
  }

  /** The seed's {@code is_business_customer} property: a company name is set. */
  private static boolean isBusiness(String company) {
    return company != null && !company.isBlank();
  }

  /**
   * Template parameters for every writable column, taken from a complete, valid profile; a field
   * it does not give takes its default.
   */
  /** The template parameters of the writable fields {@code fields} holds, and only those (null: the field's default). */
  static Map<String, Object> givenParams(JsonObject fields) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (CustomerField field : CustomerField.writableFields()) {
      if (fields.containsKey(field.json())) {
        params.put(field.json(), param(field, fields));
      }
    }
    return params;
  }

  static Map<String, Object> writableParams(JsonObject profile) {
    Map<String, Object> params = new HashMap<>();
    for (CustomerField field : CustomerField.writableFields()) {
      params.put(field.json(), param(field, profile));
    }
    return params;
  }

  private static Object param(CustomerField field, JsonObject document) {
    Object value = document.getValue(field.json());
    return value != null ? value : field.defaultValue();
  }
}
