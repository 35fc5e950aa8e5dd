package io.customerservice.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The countries, states and provinces the parser knows, in their usual written forms. */
final class Regions {

  static final String USA = "USA";
  static final String CANADA = "Canada";
  static final String UK = "United Kingdom";

  private static final Map<String, String> US_STATES = new HashMap<>();
  private static final Map<String, String> CA_PROVINCES = new HashMap<>();
  private static final Map<String, String> COUNTRIES = new HashMap<>();
  /** The UK's nations, which stand in for a state; the postcode areas of all but England. */
  private static final List<String> UK_NATIONS = List.of("England", "Scotland", "Wales", "Northern Ireland");
  private static final Set<String> SCOTLAND = Set.of("AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "ZE");
  private static final Set<String> WALES = Set.of("CF", "LD", "LL", "NP", "SA");
  private static final Set<String> NORTHERN_IRELAND = Set.of("BT");
  /** Areas that straddle a border: the nation is a guess. */
  private static final Set<String> BORDER_AREAS = Set.of("TD", "SY", "CH", "HR", "NP", "LD");

  static {
    String[][] states = {
        {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
        {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
        {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
        {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
        {"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
        {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
        {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
        {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
        {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
        {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
        {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"}, {"PR", "Puerto Rico"}};
    for (String[] state : states) {
      US_STATES.put(state[0].toLowerCase(Locale.ROOT), state[0]);
      US_STATES.put(state[1].toLowerCase(Locale.ROOT), state[0]);
    }
    US_STATES.put("d.c.", "DC");
    US_STATES.put("washington dc", "DC");
    US_STATES.put("washington d.c.", "DC");
    String[][] provinces = {
        {"AB", "Alberta"}, {"BC", "British Columbia"}, {"MB", "Manitoba"}, {"NB", "New Brunswick"},
        {"NL", "Newfoundland and Labrador"}, {"NS", "Nova Scotia"}, {"NT", "Northwest Territories"},
        {"NU", "Nunavut"}, {"ON", "Ontario"}, {"PE", "Prince Edward Island"}, {"QC", "Quebec"},
        {"SK", "Saskatchewan"}, {"YT", "Yukon"}};
    for (String[] province : provinces) {
      CA_PROVINCES.put(province[0].toLowerCase(Locale.ROOT), province[0]);
      CA_PROVINCES.put(province[1].toLowerCase(Locale.ROOT), province[0]);
    }
    CA_PROVINCES.put("québec", "QC");
    for (String alias : List.of("usa", "us", "u.s.a.", "u.s.a", "u.s.", "united states", "united states of america", "america")) {
      COUNTRIES.put(alias, USA);
    }
    COUNTRIES.put("canada", CANADA);
    for (String alias : List.of("uk", "u.k.", "united kingdom", "great britain", "gb")) {
      COUNTRIES.put(alias, UK);
    }
    for (String nation : UK_NATIONS) {
      COUNTRIES.put(nation.toLowerCase(Locale.ROOT), UK);
    }
  }

  private Regions() {
  }

  static Optional<String> country(String text) {
    return Optional.ofNullable(COUNTRIES.get(key(text)));
  }

  /** The UK nation the text names ("England"), if it names one. */
  static Optional<String> ukNation(String text) {
    return UK_NATIONS.stream().filter(nation -> nation.equalsIgnoreCase(text.strip())).findFirst();
  }

  static Optional<String> usState(String text) {
    return Optional.ofNullable(US_STATES.get(key(text)));
  }

  static Optional<String> canadianProvince(String text) {
    return Optional.ofNullable(CA_PROVINCES.get(key(text)));
  }

  /** The nation of a UK postcode's area, and whether that area lies on a border (a guess). */
  static String ukNationOfPostcode(String postcode) {
    String area = postcode.replaceAll("[0-9].*$", "").toUpperCase(Locale.ROOT);
    if (SCOTLAND.contains(area)) {
      return "Scotland";
    }
    if (WALES.contains(area)) {
      return "Wales";
    }
    if (NORTHERN_IRELAND.contains(area)) {
      return "Northern Ireland";
    }
    return "England";
  }

  static boolean borderArea(String postcode) {
    return BORDER_AREAS.contains(postcode.replaceAll("[0-9].*$", "").toUpperCase(Locale.ROOT));
  }

  private static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
