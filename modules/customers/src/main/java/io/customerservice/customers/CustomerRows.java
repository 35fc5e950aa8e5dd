package io.customerservice.customers;

import io.customerservice.contract.Timestamps;
import io.customerservice.contract.customer.CustomerField;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.RowMapper;
import java.util.HashMap;
import java.util.Map;

/** Converts between rows of {@code customers.customer} and the Customer JSON document. */
final class CustomerRows {

  /** A row as the Customer document, in {@link CustomerField} order, with the derived fields. */
  static final RowMapper<JsonObject> DOCUMENT = CustomerRows::document;

  private CustomerRows() {
  }

  private static JsonObject document(Row row) {
    JsonObject doc = new JsonObject();
    for (CustomerField field : CustomerField.values()) {
      String name = field.json();
      Object value = switch (field.kind()) {
        case UUID -> row.getUUID(name).toString();
        case TEXT, POSTAL_CODE, PHONE, CONTACT_METHOD -> row.getString(name);
        case BOOLEAN -> field == CustomerField.IS_BUSINESS_CUSTOMER ? isBusiness(row) : row.getBoolean(name);
        case TIMESTAMP -> Timestamps.format(row.getOffsetDateTime(name));
        case COUNT -> row.getInteger(name);
        case JSON_OBJECT -> row.getJsonObject(name);
      };
      doc.put(name, value);
    }
    return doc;
  }

  /** The seed's {@code is_business_customer} property: a company name is set. */
  private static boolean isBusiness(Row row) {
    String company = row.getString(CustomerField.COMPANY_NAME.json());
    return company != null && !company.isBlank();
  }

  /**
   * Template parameters for every writable column, taken from a complete, valid profile; a field
   * it does not give takes its default.
   */
  static Map<String, Object> writableParams(JsonObject profile) {
    Map<String, Object> params = new HashMap<>();
    for (CustomerField field : CustomerField.writableFields()) {
      Object value = profile.getValue(field.json());
      params.put(field.json(), value != null ? value : field.defaultValue());
    }
    return params;
  }
}
