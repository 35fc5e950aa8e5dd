package io.customerservice.contract;

import java.util.Arrays;

/**
 * The failure codes carried by {@code message.fail(code, text)}. Each code is the HTTP status
 * the edge answers with, so a foreign service can read them without our classes.
 */
public enum FailureCode {
  INVALID(400),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  INTERNAL(500),
  UNAVAILABLE(503),
  TIMEOUT(504);

  private final int code;

  FailureCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The failure code for a numeric code, INTERNAL for one no service of ours sends. */
  public static FailureCode of(int code) {
    return Arrays.stream(values()).filter(c -> c.code == code).findFirst().orElse(INTERNAL);
  }
}
