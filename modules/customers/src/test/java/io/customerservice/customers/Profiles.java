package io.customerservice.customers;

import io.vertx.core.json.JsonObject;

/** Profiles as a frontend would send them. */
final class Profiles {

  private Profiles() {
  }

  static JsonObject portland() {
    return new JsonObject()
        .put("street_address", "123 Main St")
        .put("city", "Portland")
        .put("state", "OR")
        .put("postal_code", "97201")
        .put("country", "USA");
  }

  static JsonObject at(String city, String state, String country) {
    return portland().put("city", city).put("state", state).put("country", country);
  }
}
