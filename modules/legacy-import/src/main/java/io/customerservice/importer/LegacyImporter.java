package io.customerservice.importer;

/** Imports an export of the old customer model. */
public final class LegacyImporter {

  /** Addresses parsed with less confidence than this are rejected, not guessed. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.8;
}
