package io.customerservice.contract;

import java.util.regex.Pattern;

/** What counts as a plausible phone number anywhere in the world: digits with the usual separators, 7 to 15 digits (E.164's limit). */
public final class PhoneNumbers {

  private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ().-]+");
  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15;

  private PhoneNumbers() {
  }

  public static boolean plausible(String text) {
    long digits = text.chars().filter(Character::isDigit).count();
    return SHAPE.matcher(text).matches() && digits >= MIN_DIGITS && digits <= MAX_DIGITS;
  }
}
