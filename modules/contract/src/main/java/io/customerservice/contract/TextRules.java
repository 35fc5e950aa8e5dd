package io.customerservice.contract;

import java.util.Locale;

/**
 * The characters a stored or queried text may hold, for every text field of both services. No
 * field here is multi-line, so all of these are refused: C0 and C1 controls (tab and newline
 * included), DEL and the line and paragraph separators U+2028 and U+2029; unpaired surrogates, which UTF-8 cannot carry (PostgreSQL would store "?");
 * and the invisible format characters (bidirectional overrides and isolates, zero-width space,
 * word joiner, byte-order mark, soft hyphen), which let one text pass for another. The zero-width
 * joiner and non-joiner, and the tag characters, stay allowed: emoji sequences and several
 * scripts need them.
 */
public final class TextRules {

  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  /** Tag characters: invisible alone, but the letters of subdivision flag emoji. */
  private static final int TAGS_FIRST = 0xE0020;
  private static final int TAGS_LAST = 0xE007F;

  private TextRules() {
  }

  /** The message for the first character of {@code text} that is not allowed, or null when every one is. */
  public static String problem(String text) {
    for (int at = 0; at < text.length(); ) {
      int c = text.codePointAt(at);
      if (!allowed(c)) {
        return isSurrogate(c) ? surrogate(c)
            : "Contains the character U+" + hex(c) + ", which is not allowed (control, invisible or bidirectional formatting characters).";
      }
      at += Character.charCount(c);
    }
    return null;
  }

  /** The message for an unpaired surrogate in {@code text}, or null when it has none: the one rule every string of a request body follows. */
  public static String unpairedSurrogate(String text) {
    for (int at = 0; at < text.length(); ) {
      int c = text.codePointAt(at);
      if (isSurrogate(c)) {
        return surrogate(c);
      }
      at += Character.charCount(c);
    }
    return null;
  }

  /** Adds {@code field}'s message to {@code errors} when {@code text} holds a character that is not allowed; whether it did. */
  public static boolean refuse(String field, String text, FieldErrors errors) {
    String problem = problem(text);
    if (problem != null) {
      errors.add(field, problem);
    }
    return problem != null;
  }

  private static boolean allowed(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      case Character.FORMAT -> c == ZERO_WIDTH_JOINER || c == ZERO_WIDTH_NON_JOINER || (c >= TAGS_FIRST && c <= TAGS_LAST);
      default -> true;
    };
  }

  /** A code point of a lone surrogate (codePointAt answers one only when it has no partner). */
  private static boolean isSurrogate(int c) {
    return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
  }

  private static String surrogate(int c) {
    return "Contains an unpaired surrogate (\\u" + hex(c) + "), which is not valid Unicode text.";
  }

  private static String hex(int c) {
    String digits = Integer.toHexString(c).toUpperCase(Locale.ROOT);
    return "0".repeat(Math.max(0, 4 - digits.length())) + digits;
  }
}
