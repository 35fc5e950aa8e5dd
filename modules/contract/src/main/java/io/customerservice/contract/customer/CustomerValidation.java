package io.customerservice.contract.customer;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.PhoneNumbers;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.TextRules;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one validation routine for customer input, used by every caller (the HTTP edge, the
 * store, importers). It refuses unknown and read-only fields, checks types, lengths, formats and
 * choices, and returns the input normalised: strings trimmed, blank optional text as null.
 * Messages are Django REST framework's, so the existing frontend shows them unchanged.
 */
public final class CustomerValidation {

  /** What a write does with fields it does not carry. */
  public enum Mode {
    /** A new profile or a full replace: required fields must be present. */
    COMPLETE,
    /** A partial update: only the fields present are checked. */
    PARTIAL
  }

  /** Letters, digits, spaces and hyphens, 2 to 10 long, starting and ending with a letter or digit: every national format. */
  private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]");

  private CustomerValidation() {
  }

  /** What staff and the store may write: every writable field. */
  public static final Set<CustomerField.Access> ANY_WRITER = EnumSet.of(CustomerField.Access.OWNER, CustomerField.Access.STAFF);
  /** What customers may write about themselves. */
  public static final Set<CustomerField.Access> OWNER = EnumSet.of(CustomerField.Access.OWNER);

  /** The normalised input, or a {@link ServiceFailure} with field errors that names every problem. */
  public static JsonObject validate(JsonObject input, Mode mode) {
    return validate(input, mode, ANY_WRITER);
  }

  /** As {@link #validate(JsonObject, Mode)}, for a writer who may write only fields of the {@code writable} access levels. */
  public static JsonObject validate(JsonObject input, Mode mode, Set<CustomerField.Access> writable) {
    FieldErrors errors = new FieldErrors();
    JsonObject normalised = new JsonObject();
    for (String name : input.fieldNames()) {
      CustomerField field = CustomerField.named(name).orElse(null);
      if (field == null) {
        errors.add(name, "This field is not allowed.");
      } else if (!writable.contains(field.access())) {
        errors.add(name, "This field is read-only.");
      } else {
        Object value = normalise(field, input.getValue(name), errors);
        if (!errors.has(name)) {
          normalised.put(name, value);
        }
      }
    }
    if (mode == Mode.COMPLETE) {
      for (CustomerField field : CustomerField.writableFields()) {
        if (field.required() && !input.containsKey(field.json())) {
          errors.add(field.json(), "This field is required.");
        }
      }
    }
    errors.throwIfAny();
    return normalised;
  }

  private static Object normalise(CustomerField field, Object value, FieldErrors errors) {
    if (value == null) {
      if (field.required() || field.kind() == CustomerField.Kind.BOOLEAN
          || field.kind() == CustomerField.Kind.CONTACT_METHOD || field.kind() == CustomerField.Kind.JSON_OBJECT) {
        errors.add(field.json(), "This field may not be null.");
      }
      return null;
    }
    return switch (field.kind()) {
      case TEXT, POSTAL_CODE, PHONE -> text(field, value, errors);
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          errors.add(field.json(), "Must be a valid boolean.");
        }
        yield value;
      }
      case CONTACT_METHOD -> {
        if (!(value instanceof String s) || !CustomerField.CONTACT_METHODS.contains(s)) {
          errors.add(field.json(), "\"" + value + "\" is not a valid choice.");
        }
        yield value;
      }
      case JSON_OBJECT -> {
        if (!(value instanceof JsonObject object)) {
          errors.add(field.json(), "Must be a JSON object.");
        } else if (!CustomerField.PREFERENCES_LIMITS.refuse(field.json(), object, errors)
            && object.encode().length() > CustomerField.MAX_PREFERENCES_LENGTH) {
          errors.add(field.json(), "Ensure this object has no more than " + CustomerField.MAX_PREFERENCES_LENGTH + " characters as JSON.");
        }
        yield value;
      }
      default -> throw new IllegalStateException(field + " is not writable");
    };
  }

  private static String text(CustomerField field, Object value, FieldErrors errors) {
    if (!(value instanceof String raw)) {
      errors.add(field.json(), "Not a valid string.");
      return null;
    }
    String text = raw.strip();
    if (text.isEmpty()) {
      if (field.required()) {
        errors.add(field.json(), "This field may not be blank.");
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > field.maxLength()) {
      errors.add(field.json(), "Ensure this field has no more than " + field.maxLength() + " characters.");
    } else if (TextRules.refuse(field.json(), text, errors)) {
      return text;
    } else if (field.kind() == CustomerField.Kind.POSTAL_CODE && !POSTAL_CODE.matcher(text).matches()) {
      errors.add(field.json(), "Enter a valid postal code.");
    } else if (field.kind() == CustomerField.Kind.PHONE && !PhoneNumbers.plausible(text)) {
      errors.add(field.json(), "Enter a valid phone number.");
    }
    return text;
  }
}
