package io.customerservice.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps as Django REST framework writes them: UTC, microseconds, a trailing Z. */
public final class Timestamps {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX");

  private Timestamps() {
  }

  public static String format(OffsetDateTime time) {
    return time == null ? null : FORMAT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /**
   * An ISO-8601 date-time with an offset, one without (taken as UTC, as Django does with UTC as
   * its time zone) or a date (its start, UTC); null when the text is none of them.
   */
  public static OffsetDateTime parseLenient(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          return null;
        }
      }
    }
  }
}
