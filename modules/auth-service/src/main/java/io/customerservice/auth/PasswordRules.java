package io.customerservice.auth;

import io.customerservice.contract.FieldErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Django's default password validators, with their messages: minimum length, not too common
 * (a bundled list of the most used passwords, compared without case), not entirely numeric, not
 * too similar to the email address.
 */
final class PasswordRules {

  private static final Set<String> COMMON = load("/common-passwords.txt");
  private static final int MIN_SIMILAR_PART = 3;

  private final int minLength;

  PasswordRules(int minLength) {
    this.minLength = minLength;
  }

  /** Adds to {@code errors} under {@code field} every rule {@code password} breaks. */
  void check(String password, String email, String field, FieldErrors errors) {
    if (password.length() < minLength) {
      errors.add(field, "This password is too short. It must contain at least " + minLength + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      errors.add(field, "This password is too common.");
    }
    if (password.chars().allMatch(Character::isDigit)) {
      errors.add(field, "This password is entirely numeric.");
    }
    if (email != null && similarToEmail(lower, email.toLowerCase(Locale.ROOT))) {
      errors.add(field, "The password is too similar to the email address.");
    }
  }

  private static boolean similarToEmail(String password, String email) {
    String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
    return password.equals(email) || password.contains(email)
        || local.length() >= MIN_SIMILAR_PART && (password.contains(local) || local.contains(password));
  }

  private static Set<String> load(String resource) {
    try (InputStream in = PasswordRules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(line -> line.strip().toLowerCase(Locale.ROOT)).filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
