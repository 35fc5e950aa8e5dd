package io.customerservice.http;

import io.vertx.core.json.JsonObject;

/** Profile bodies as the frontend sends them (the seed's example). */
final class Profiles {

  static final String BASE = "/api/v1/customers/";

  private Profiles() {
  }

  static JsonObject portland() {
    return new JsonObject()
        .put("street_address", "123 Test St")
        .put("city", "Portland")
        .put("state", "Oregon")
        .put("postal_code", "97201")
        .put("country", "USA");
  }
}
