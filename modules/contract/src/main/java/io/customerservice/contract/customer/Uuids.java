package io.customerservice.contract.customer;

import io.customerservice.contract.FieldErrors;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: the canonical 36-character form only, as PostgreSQL and Django print it. */
public final class Uuids {

  private static final Pattern CANONICAL =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {
  }

  public static Optional<UUID> parse(String text) {
    return text != null && CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
  }

  /** The UUID in {@code request[field]}, or null with a field error. */
  public static UUID parse(JsonObject request, String field, FieldErrors errors) {
    Object value = request.getValue(field);
    Optional<UUID> uuid = value instanceof String text ? parse(text) : Optional.empty();
    if (uuid.isEmpty()) {
      errors.add(field, "Must be a valid UUID.");
    }
    return uuid.orElse(null);
  }
}
