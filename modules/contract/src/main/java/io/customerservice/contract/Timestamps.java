package io.customerservice.contract;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as Django REST framework writes them: UTC, microseconds, a trailing Z. */
public final class Timestamps {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX");

  private Timestamps() {
  }

  public static String format(OffsetDateTime time) {
    return time == null ? null : FORMAT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }
}
