package io.customerservice.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/** Collects validation messages per field, in Django REST framework's error shape. */
public final class FieldErrors {

  /** The key Django REST framework uses for errors that concern no single field. */
  public static final String NON_FIELD_ERRORS = "non_field_errors";

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  public FieldErrors add(String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  /** Fails with INVALID when any error was collected. */
  public void throwIfAny() {
    if (!isEmpty()) {
      throw ServiceFailure.invalid(this);
    }
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    errors.forEach((field, messages) -> json.put(field, new JsonArray(new ArrayList<>(messages))));
    return json;
  }
}
