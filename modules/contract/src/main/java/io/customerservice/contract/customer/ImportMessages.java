package io.customerservice.contract.customer;

/**
 * The shapes of {@code customers.profile.import}: {@code {"rows": [{"user_id", "profile",
 * "is_verified"?, "customer_since"?}], "dry_run"?}} answered by
 * {@code {"results": [{"user_id", "status", "customer_id"}]}} in the order of the rows.
 */
public final class ImportMessages {

  public static final String ROWS = "rows";
  public static final String DRY_RUN = "dry_run";
  public static final String RESULTS = "results";
  public static final String STATUS = "status";
  /** Imported now (or, in a dry run, would be). */
  public static final String IMPORTED = "imported";
  /** The user already has a profile: nothing was written. */
  public static final String PRESENT = "present";
  public static final String CUSTOMER_SINCE = "customer_since";
  public static final int MAX_ROWS = 5_000;

  private ImportMessages() {
  }
}
