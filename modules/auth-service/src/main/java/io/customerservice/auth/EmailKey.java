package io.customerservice.auth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form of an email that identifies a user: composed (NFC) and lower-cased by Unicode's
 * rules, computed here and nowhere else. Logins, the staff lookup, the uniqueness rule (the
 * stored {@code email_key}) and the login throttle all use it, so no spelling can be one user
 * to one of them and another user, or nobody, to the next.
 */
final class EmailKey {

  private EmailKey() {
  }

  static String of(String email) {
    return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }
}
