package io.customerservice.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits the old model's single-text addresses ("123 Main St, Portland, OR, 97201") into street,
 * city, state, postal code and country, the way people actually wrote them: with or without
 * commas or line breaks, unit numbers, full state names, ZIP+4, Canadian and UK postcodes, a
 * country at the end or not. It reads from the end: country, postal code, state, city, and the
 * street is what is left. US states and Canadian provinces come out as their two-letter codes.
 * It does not guess: each answer carries a confidence, and an address it cannot split says why.
 */
public final class AddressParser {

  /** The confidence of an address whose parts were separated by commas or lines. */
  static final double CLEAR = 0.95;
  /** No comma between street and city: split after the street type ("St", "Ave"). */
  static final double SPLIT_AT_STREET_TYPE = 0.8;
  /** A UK address without its nation, taken from the postcode area. */
  static final double NATION_FROM_POSTCODE = 0.85;
  /** Below this the parser's answer is a guess. */
  static final double AMBIGUOUS = 0.6;

  private static final Pattern US_ZIP = Pattern.compile("(?:^|[\\s,])(\\d{5})(?:\\s?-\\s?(\\d{4}))?$");
  private static final Pattern CA_POSTAL = Pattern.compile("(?i)(?:^|[\\s,])([A-Z]\\d[A-Z])\\s?(\\d[A-Z]\\d)$");
  private static final Pattern UK_POSTCODE = Pattern.compile("(?i)(?:^|[\\s,])([A-Z]{1,2}\\d[A-Z\\d]?)\\s?(\\d[A-Z]{2})$");
  private static final Pattern PO_BOX = Pattern.compile("(?i)^p\\.?\\s?o\\.?\\s*box\\b.*");
  private static final Set<String> STREET_TYPES = Set.of(
      "st", "street", "ave", "av", "avenue", "rd", "road", "blvd", "boulevard", "dr", "drive", "ln", "lane", "way",
      "ct", "court", "pl", "place", "pkwy", "parkway", "hwy", "highway", "ter", "terrace", "cir", "circle", "sq",
      "square", "trl", "trail", "loop", "crescent", "cres", "close", "mews", "row", "walk", "plaza", "expy", "fwy");
  private static final Set<String> UNIT_WORDS = Set.of("apt", "apartment", "suite", "ste", "unit", "fl", "floor", "rm", "room", "bldg", "no", "#");
  private static final int MAX_STATE_WORDS = 4;

  private AddressParser() {
  }

  private enum PostalKind { US, CA, UK }

  private record Postal(PostalKind kind, String code, int start) {
  }

  public static ParsedAddress parse(String raw) {
    String text = raw == null ? "" : raw.replaceAll("[\\r\\n]+", ", ").replaceAll("\\s+", " ").strip()
        .replaceAll("^[,.;\\s]+|[,.;\\s]+$", "");
    if (text.isEmpty()) {
      return ParsedAddress.unparsed("The address is empty.");
    }
    List<String> parts = Arrays.stream(text.split("\\s*[,;]\\s*")).map(String::strip).filter(p -> !p.isEmpty())
        .collect(Collectors.toCollection(ArrayList::new));

    String country = null;
    String nation = null;
    Optional<String> ownPart = Regions.country(last(parts));
    if (ownPart.isPresent()) {
      country = ownPart.get();
      nation = Regions.ukNation(last(parts)).orElse(null);
      parts.remove(parts.size() - 1);
    } else {
      String[] trailing = trailingCountry(last(parts));
      if (trailing != null) {
        country = trailing[0];
        replaceLast(parts, trailing[1]);
      }
    }
    if (parts.isEmpty()) {
      return ParsedAddress.unparsed("Only a country was given.");
    }

    Postal postal = postal(last(parts));
    if (postal == null) {
      return ParsedAddress.unparsed("No postal code (US ZIP, Canadian or UK postcode) at the end of the address.");
    }
    replaceLast(parts, last(parts).substring(0, postal.start()));
    String expected = switch (postal.kind()) {
      case US -> Regions.USA;
      case CA -> Regions.CANADA;
      case UK -> Regions.UK;
    };
    if (country != null && !country.equals(expected)) {
      return ParsedAddress.unparsed("The postal code " + postal.code() + " does not fit the country " + country + ".");
    }
    country = expected;

    double confidence = CLEAR;
    String state;
    if (postal.kind() == PostalKind.UK) {
      if (nation == null && !parts.isEmpty()) {
        nation = Regions.ukNation(last(parts)).orElse(null);
        if (nation != null) {
          parts.remove(parts.size() - 1);
        }
      }
      if (nation == null) {
        nation = Regions.ukNationOfPostcode(postal.code());
        confidence = Regions.borderArea(postal.code()) ? AMBIGUOUS : NATION_FROM_POSTCODE;
      }
      state = nation;
    } else {
      if (parts.isEmpty()) {
        return ParsedAddress.unparsed("No state or province before the postal code.");
      }
      String[] region = regionAtEnd(last(parts), postal.kind());
      if (region == null) {
        return ParsedAddress.unparsed("No " + (postal.kind() == PostalKind.US ? "US state" : "Canadian province")
            + " before the postal code " + postal.code() + ".");
      }
      state = region[0];
      replaceLast(parts, region[1]);
    }

    if (parts.isEmpty()) {
      return ParsedAddress.unparsed("No street or city.");
    }
    String street;
    String city;
    if (parts.size() >= 2) {
      city = parts.remove(parts.size() - 1);
      street = String.join(", ", parts);
    } else {
      String[] split = splitStreetAndCity(parts.get(0));
      if (split == null) {
        return ParsedAddress.unparsed("Cannot tell the street from the city: no comma between them and no street type (St, Ave, Rd...).");
      }
      street = split[0];
      city = split[1];
      confidence = Math.min(confidence, Double.parseDouble(split[2]));
    }
    if (!street.matches(".*\\d.*") && !PO_BOX.matcher(street).matches()) {
      return ParsedAddress.unparsed("The street address has no house number.");
    }
    if (city.matches(".*\\d.*") || !city.matches(".*\\p{L}.*")) {
      return ParsedAddress.unparsed("\"" + city + "\" does not look like a city.");
    }
    return new ParsedAddress(street, city, state, postal.code(), country, confidence, null);
  }

  /** A country named by the last words of the last part ("... OR 97201 USA"): {country, the rest}. */
  private static String[] trailingCountry(String part) {
    String[] words = part.split(" ");
    for (int n = Math.min(4, words.length - 1); n >= 1; n--) {
      String tail = String.join(" ", Arrays.copyOfRange(words, words.length - n, words.length));
      Optional<String> country = Regions.country(tail);
      if (country.isPresent()) {
        return new String[] {country.get(), String.join(" ", Arrays.copyOfRange(words, 0, words.length - n))};
      }
    }
    return null;
  }

  private static Postal postal(String part) {
    Matcher us = US_ZIP.matcher(part);
    if (us.find()) {
      String code = us.group(2) == null ? us.group(1) : us.group(1) + "-" + us.group(2);
      return new Postal(PostalKind.US, code, us.start());
    }
    Matcher ca = CA_POSTAL.matcher(part);
    if (ca.find()) {
      return new Postal(PostalKind.CA, (ca.group(1) + " " + ca.group(2)).toUpperCase(Locale.ROOT), ca.start());
    }
    Matcher uk = UK_POSTCODE.matcher(part);
    if (uk.find()) {
      return new Postal(PostalKind.UK, (uk.group(1) + " " + uk.group(2)).toUpperCase(Locale.ROOT), uk.start());
    }
    return null;
  }

  /** The state or province the last words name (the longest match): {code, the rest}. */
  private static String[] regionAtEnd(String part, PostalKind kind) {
    String[] words = part.strip().split(" ");
    for (int n = Math.min(MAX_STATE_WORDS, words.length); n >= 1; n--) {
      String tail = String.join(" ", Arrays.copyOfRange(words, words.length - n, words.length));
      Optional<String> region = kind == PostalKind.US ? Regions.usState(tail) : Regions.canadianProvince(tail);
      if (region.isPresent()) {
        return new String[] {region.get(), String.join(" ", Arrays.copyOfRange(words, 0, words.length - n))};
      }
    }
    return null;
  }

  /**
   * "123 Main St Apt 4 Portland" into {"123 Main St Apt 4", "Portland", confidence}: the street
   * ends at its type word and any unit after it. More than one type word makes it ambiguous
   * ("12 Court St Paul": Court St, or St Paul?).
   */
  private static String[] splitStreetAndCity(String part) {
    String[] words = part.split(" ");
    List<Integer> types = new ArrayList<>();
    for (int i = 1; i < words.length - 1; i++) {
      if (STREET_TYPES.contains(words[i].toLowerCase(Locale.ROOT).replaceAll("[.,]", ""))) {
        types.add(i);
      }
    }
    if (types.isEmpty()) {
      return null;
    }
    int end = types.get(0);
    if (end + 1 < words.length && words[end + 1].startsWith("#") && words[end + 1].length() > 1) {
      end += 1;
    } else if (end + 2 < words.length && UNIT_WORDS.contains(words[end + 1].toLowerCase(Locale.ROOT).replaceAll("[.,]", ""))) {
      end += 2;
    }
    if (end + 1 >= words.length) {
      return null;
    }
    String street = String.join(" ", Arrays.copyOfRange(words, 0, end + 1));
    String city = String.join(" ", Arrays.copyOfRange(words, end + 1, words.length));
    double confidence = types.size() == 1 ? SPLIT_AT_STREET_TYPE : AMBIGUOUS;
    return new String[] {street, city, Double.toString(confidence)};
  }

  private static String last(List<String> parts) {
    return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
  }

  private static void replaceLast(List<String> parts, String replacement) {
    String trimmed = replacement.strip().replaceAll("[,\\s]+$", "");
    parts.remove(parts.size() - 1);
    if (!trimmed.isEmpty()) {
      parts.add(trimmed);
    }
  }
}
