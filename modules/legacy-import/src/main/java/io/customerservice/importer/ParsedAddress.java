package io.customerservice.importer;

/**
 * A free-text address split into the structured fields, with how sure the parser is (0 to 1)
 * and, when it is not sure enough to say anything, why.
 */
public record ParsedAddress(
    String streetAddress,
    String city,
    String state,
    String postalCode,
    String country,
    double confidence,
    String problem) {

  static ParsedAddress unparsed(String problem) {
    return new ParsedAddress(null, null, null, null, null, 0, problem);
  }

  public boolean parsed() {
    return problem == null;
  }
}
