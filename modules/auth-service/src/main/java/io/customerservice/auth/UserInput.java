package io.customerservice.auth;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.PhoneNumbers;
import io.customerservice.contract.RequestMembers;
import io.customerservice.contract.TextRules;
import io.customerservice.contract.UserRole;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user fields the service accepts, checked with Django's messages: what registration, an
 * admin's new user and a profile update may carry. Returns the normalised fields (trimmed, the
 * email's domain lower-cased as Django's normalize_email does) or throws INVALID with them all.
 */
final class UserInput {

  static final String EMAIL = "email";
  static final String FIRST_NAME = "first_name";
  static final String LAST_NAME = "last_name";
  static final String PHONE = "phone_number";
  static final String ROLE = "user_role";
  static final String PASSWORD = "password";
  static final String PASSWORD1 = "password1";
  static final String PASSWORD2 = "password2";

  static final int MAX_EMAIL = 254;
  private static final int MAX_NAME = 150;
  private static final int MAX_PHONE = 20;
  private static final int MAX_PASSWORD = 4096;
  private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final PasswordRules rules;

  UserInput(PasswordRules rules) {
    this.rules = rules;
  }

  /** The seed's registration: a new customer, the password twice. */
  JsonObject registration(JsonObject body) {
    FieldErrors errors = allowOnly(body, Set.of(EMAIL, FIRST_NAME, LAST_NAME, PHONE, PASSWORD1, PASSWORD2));
    JsonObject user = profile(body, errors, true);
    String password1 = required(body, PASSWORD1, MAX_PASSWORD, errors);
    String password2 = required(body, PASSWORD2, MAX_PASSWORD, errors);
    if (password1 != null) {
      rules.check(password1, user.getString(EMAIL), PASSWORD1, errors);
    }
    if (password1 != null && password2 != null && !password1.equals(password2)) {
      errors.add(FieldErrors.NON_FIELD_ERRORS, "The two password fields didn't match.");
    }
    errors.throwIfAny();
    return user.put(ROLE, UserRole.CUSTOMER.claim()).put(PASSWORD, password1);
  }

  /** An admin's new user, of any role. */
  JsonObject newUser(JsonObject body) {
    FieldErrors errors = allowOnly(body, Set.of(EMAIL, FIRST_NAME, LAST_NAME, PHONE, PASSWORD, ROLE));
    JsonObject user = profile(body, errors, true);
    String password = required(body, PASSWORD, MAX_PASSWORD, errors);
    if (password != null) {
      rules.check(password, user.getString(EMAIL), PASSWORD, errors);
    }
    Object role = body.getValue(ROLE);
    if (!(role instanceof String text) || UserRole.fromClaim(text).isEmpty()) {
      errors.add(ROLE, "\"" + role + "\" is not a valid choice.");
    }
    errors.throwIfAny();
    return user.put(ROLE, role).put(PASSWORD, password);
  }

  /** A profile update: any of email, names and phone; the role and password are not changed here. */
  JsonObject update(JsonObject body) {
    FieldErrors errors = new FieldErrors();
    for (String name : body.fieldNames()) {
      if (name.equals(ROLE) || name.equals("id") || name.equals("date_joined") || name.equals("is_active")) {
        errors.add(name, "This field is read-only.");
      } else if (!Set.of(EMAIL, FIRST_NAME, LAST_NAME, PHONE).contains(name)) {
        errors.add(name, "This field is not allowed.");
      }
    }
    JsonObject changes = profile(body, errors, false);
    errors.throwIfAny();
    return changes;
  }

  /** email, first_name, last_name (required when {@code complete}) and phone_number, as given. */
  private static JsonObject profile(JsonObject body, FieldErrors errors, boolean complete) {
    JsonObject user = new JsonObject();
    if (complete || body.containsKey(EMAIL)) {
      String email = required(body, EMAIL, MAX_EMAIL, errors);
      boolean wellFormed = email != null && EMAIL_SHAPE.matcher(email).matches();
      if (email != null && !wellFormed) {
        errors.add(EMAIL, "Enter a valid email address.");
      }
      user.put(EMAIL, wellFormed ? normalised(email) : email);
    }
    for (String name : new String[] {FIRST_NAME, LAST_NAME}) {
      if (complete || body.containsKey(name)) {
        user.put(name, required(body, name, MAX_NAME, errors));
      }
    }
    if (body.containsKey(PHONE)) {
      String phone = optional(body, PHONE, MAX_PHONE, errors);
      if (phone != null && !PhoneNumbers.plausible(phone)) {
        errors.add(PHONE, "Enter a valid phone number.");
      }
      user.put(PHONE, phone);
    } else if (complete) {
      user.putNull(PHONE);
    }
    return user;
  }

  private static FieldErrors allowOnly(JsonObject body, Set<String> fields) {
    return RequestMembers.onlyAllowed(body, fields, "This field is not allowed.");
  }

  private static String required(JsonObject body, String field, int max, FieldErrors errors) {
    String value = optional(body, field, max, errors);
    if (value == null && !errors.has(field)) {
      errors.add(field, body.getValue(field) == null ? "This field is required." : "This field may not be blank.");
    }
    return value;
  }

  private static String optional(JsonObject body, String field, int max, FieldErrors errors) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String raw)) {
      errors.add(field, "Not a valid string.");
      return null;
    }
    boolean password = field.startsWith(PASSWORD);
    String text = password ? raw : raw.strip();
    if (text.codePointCount(0, text.length()) > max) {
      errors.add(field, "Ensure this field has no more than " + max + " characters.");
      return null;
    }
    // A password is only ever hashed, so any character may stand in one; every other field is stored and shown.
    if (!password && TextRules.refuse(field, text, errors)) {
      return null;
    }
    return text.isEmpty() ? null : text;
  }

  private static String normalised(String email) {
    int at = email.lastIndexOf('@');
    return email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT);
  }
}
