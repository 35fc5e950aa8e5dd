package io.customerservice.testkit;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Generators of what an attacker sends, for the property tests of both HTTP edges: text with
 * every kind of character a field should refuse, JSON that is deep, wide, overflowing or broken,
 * media types, query strings, Host headers and tokens whose claims have the wrong types.
 */
public final class HostileInputs {

  /** Characters that have broken services: controls, bidi and zero-width formatting, lone surrogates, quotes, escapes, NUL. */
  private static final List<Integer> NASTY_CODE_POINTS = List.of(
      0x00, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9B, 0xA0, 0xAD, 0x130, 0x200B, 0x200C, 0x200D, 0x2028, 0x2029,
      0x202A, 0x202E, 0x2066, 0x2069, 0xFEFF, 0xFFFD, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x1F600, 0x10FFFF,
      0x22, 0x27, 0x5C, 0x25, 0x3C, 0x3E, 0x26, 0x3B, 0x2F, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x3D, 0x3F, 0x23, 0x2B, 0x20);

  private static final List<String> NASTY_SNIPPETS = List.of(
      "'; DROP TABLE customers; --", "%00", "%zz", "%", "\\u0000", "${jndi:ldap://x}", "../../etc/passwd", "{{7*7}}",
      "1e400", "-0", "NaN", "Infinity", "null", "true", "9223372036854775808", "2147483648", "İ", "ǅ", "ß", "ﬃ");

  private HostileInputs() {
  }

  /** One code point, most often one of the characters that have broken services, as Java text (a lone surrogate stays lone). */
  public static Arbitrary<Integer> codePoints() {
    return Arbitraries.<Integer>frequencyOf(
        w(4, Arbitraries.of(NASTY_CODE_POINTS)),
        w(4, Arbitraries.integers().between(0x20, 0x7E)),
        w(2, Arbitraries.integers().between(0, 0x10FFFF)));
  }

  /** Text of up to {@code maxLength} code points mixing plain letters, hostile characters and snippets. */
  public static Arbitrary<String> text(int maxLength) {
    Arbitrary<String> piece = Arbitraries.<String>frequencyOf(
        w(6, codePoints().map(HostileInputs::asText)),
        w(1, Arbitraries.of(NASTY_SNIPPETS)));
    return piece.list().ofMaxSize(maxLength).map(pieces -> String.join("", pieces));
  }

  /** A JSON document as text, of any kind: deep, wide, with overflowing numbers, escaped lone surrogates, duplicate names. */
  public static Arbitrary<String> jsonValue() {
    return Arbitraries.recursive(HostileInputs::jsonScalar, HostileInputs::jsonContainer, 0, 6);
  }

  /** A JSON object as text whose members are named after {@code fields} (or anything) and hold hostile values. */
  public static Arbitrary<String> jsonObject(List<String> fields) {
    Arbitrary<String> name = Arbitraries.<String>frequencyOf(
        w(5, Arbitraries.of(fields)),
        w(1, text(12)));
    Arbitrary<String> member = Combinators.combine(name, Arbitraries.<String>frequencyOf(
            w(3, text(40).map(HostileInputs::jsonString)),
            w(2, jsonValue()),
            w(1, deepNesting())))
        .as((n, v) -> jsonString(n) + ":" + v);
    return member.list().ofMaxSize(8).map(members -> "{" + String.join(",", members) + "}");
  }

  /** A request body: hostile JSON for the route's fields, or bytes that are not JSON at all. */
  public static Arbitrary<byte[]> body(List<String> fields) {
    return Arbitraries.<byte[]>frequencyOf(
        w(6, jsonObject(fields).map(HostileInputs::utf8)),
        w(1, jsonValue().map(HostileInputs::utf8)),
        w(1, Arbitraries.of("a=%zz", "a=%", "%", "--x\r\nContent-Disposition: form-data\r\n\r\nv", "{\"a\":", "\uFEFF{}", "", "{}{}")
            .map(HostileInputs::utf8)),
        w(1, deepNesting().map(HostileInputs::utf8)),
        w(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
  }

  /** A Content-Type header value, or null for none: JSON, JSON in other charsets, forms, multipart without boundary, malformed. */
  public static Arbitrary<String> contentTypes() {
    return Arbitraries.<String>frequencyOf(
        w(4, Arbitraries.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON;CHARSET=\"UTF-8\"")),
        w(3, Arbitraries.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=", "multipart/form-data",
            ";", "", "text/plain", "application/json; charset=latin1", "application/json;;;", "application/json; charset=\"",
            "application/*", "*/*", "application/json\u0000", "application/merge-patch+json")),
        w(1, text(20).map(HostileInputs::headerSafe)),
        w(1, Arbitraries.just(null)));
  }

  /** A query string (without the {@code ?}) over {@code parameters} and junk, with broken escapes and out-of-range numbers. */
  public static Arbitrary<String> queryStrings(List<String> parameters) {
    Arbitrary<String> name = Arbitraries.<String>frequencyOf(w(4, Arbitraries.of(parameters)),
        w(1, text(6).map(HostileInputs::percentEncoded)));
    Arbitrary<String> value = Arbitraries.<String>frequencyOf(
        w(3, text(20).map(HostileInputs::percentEncoded)),
        w(2, Arbitraries.of("0", "-1", "1", "2", "1073741825", "2147483647", "2147483648", "99999999999999999999",
            "1e3", "0x10", "%zz", "%", "%00", "last", "", "+", "%2B1", "1.5", "true", "-city", "id,city", "__proto__")),
        w(1, Arbitraries.longs().map(String::valueOf)));
    return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
  }

  /** A Host header value: well-formed, someone else's, malformed (quotes, spaces, ports out of range, brackets), or absent (null). */
  public static Arbitrary<String> hosts() {
    return Arbitraries.<String>frequencyOf(
        w(2, Arbitraries.of("127.0.0.1", "localhost:8002", "evil.example", "[::1]:8002")),
        w(3, Arbitraries.of("a\"b", "a b", "x:99999", "x:-1", "[::1", "::1", "", "a@b", "a/b", "a:b:c", "%41", ".", "x:")),
        w(1, text(20).map(HostileInputs::headerSafe)),
        w(1, Arbitraries.just(null)));
  }

  /**
   * A bearer token: none (null), garbage, or one signed with {@code secret} whose standard and
   * custom claims hold values of any JSON type (a string {@code exp}, an object {@code user_id}, ...).
   */
  public static Arbitrary<String> tokens(String secret) {
    Arbitrary<Object> anyClaim = Arbitraries.oneOf(
        Arbitraries.of("soon", "", "1e400", "customer", "employee", "access", "refresh", UUID.randomUUID().toString()),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.doubles().map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.just(new JsonObject().put("a", 1)).map(Object.class::cast),
        Arbitraries.just(new io.vertx.core.json.JsonArray().add("admin")).map(Object.class::cast));
    Arbitrary<String> signed = Combinators.combine(
            Arbitraries.of("exp", "iat", "nbf", "user_id", "token_type", "user_role", "jti", "email", "iss", "aud"), anyClaim)
        .as((name, value) -> new Object[] {name, value}).list().ofMaxSize(4)
        .map(overrides -> {
          JsonObject claims = Tokens.claims(UUID.randomUUID(), "customer");
          overrides.forEach(pair -> claims.put((String) pair[0], pair[1]));
          return Tokens.sign(claims, secret);
        });
    return Arbitraries.<String>frequencyOf(
        w(4, signed),
        w(1, Arbitraries.of("", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x".repeat(5000), "..", "Bearer")),
        w(1, text(40).map(HostileInputs::headerSafe)),
        w(1, Arbitraries.just(null)));
  }

  /** Nesting from a few levels to past any parser's limit. */
  public static Arbitrary<String> deepNesting() {
    return Arbitraries.integers().between(5, 3000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  /** Keeps what a header may carry on the wire (no CR, LF or NUL, Latin-1 only): the rest is the socket's concern, not the service's. */
  public static String headerSafe(String text) {
    StringBuilder safe = new StringBuilder();
    text.codePoints().filter(c -> c >= 0x20 && c <= 0xFF && c != 0x7F).forEach(safe::appendCodePoint);
    return safe.toString().strip();
  }

  /** Percent-encodes every byte of the UTF-8 form except letters and digits, so that what arrives decoded is the hostile text. */
  public static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : utf8(text)) {
      char c = (char) (b & 0xFF);
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return encoded.toString();
  }

  private static <T> Tuple2<Integer, Arbitrary<? extends T>> w(int weight, Arbitrary<? extends T> arbitrary) {
    return Tuple.of(weight, arbitrary);
  }

  private static Arbitrary<String> jsonScalar() {
    return Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-0", "1e400", "-1e400", "1e-400", "9223372036854775808", "123456789012345678901234567890",
            "0.1", "\"\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"\\u202e\""),
        Arbitraries.longs().map(String::valueOf),
        text(30).map(HostileInputs::jsonString));
  }

  private static Arbitrary<String> jsonContainer(Arbitrary<String> inner) {
    return Arbitraries.oneOf(
        inner.list().ofMaxSize(5).map(items -> "[" + String.join(",", items) + "]"),
        Combinators.combine(text(8).map(HostileInputs::jsonString), inner).as((n, v) -> n + ":" + v)
            .list().ofMaxSize(5).map(members -> "{" + String.join(",", members) + "}"));
  }

  /** A JSON string literal for {@code text}; controls and surrogates escaped, so a lone surrogate reaches the parser as {@code \ud800}. */
  private static String jsonString(String text) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        literal.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        literal.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        literal.append(c);
      }
    }
    return literal.append('"').toString();
  }

  private static String asText(int codePoint) {
    return new String(Character.toChars(codePoint));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
