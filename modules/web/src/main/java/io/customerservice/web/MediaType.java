package io.customerservice.web;

import java.util.Locale;
import java.util.Optional;

/**
 * A {@code Content-Type} header read without trusting it: {@code type/subtype} and its charset,
 * or nothing when the header is not a media type at all ({@code ;}, {@code /json}, a bare word).
 */
record MediaType(String type, String charset) {

  private static final String CHARSET = "charset";

  static Optional<MediaType> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.split(";", -1);
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    int slash = type.indexOf('/');
    if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0 || !isToken(type.replace("/", ""))) {
      return Optional.empty();
    }
    String charset = null;
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      if (equals > 0 && parts[i].substring(0, equals).strip().equalsIgnoreCase(CHARSET)) {
        charset = unquoted(parts[i].substring(equals + 1).strip()).toLowerCase(Locale.ROOT);
      }
    }
    return Optional.of(new MediaType(type, charset));
  }

  /** {@code application/json} in UTF-8, the only body this service reads (as DRF's JSONParser). */
  boolean isJson() {
    return type.equals("application/json") && (charset == null || charset.equals("utf-8") || charset.equals("utf8"));
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }

  /** RFC 9110's token characters. */
  private static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
