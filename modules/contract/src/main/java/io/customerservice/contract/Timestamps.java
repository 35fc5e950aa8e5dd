package io.customerservice.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Timestamps as Django REST framework writes them: Python's {@code isoformat()} in UTC with
 * "+00:00" as Z, so microseconds when there are any, e.g. 2024-05-01T09:30:00.250000Z, and none
 * at all on a whole second, 2024-05-01T09:30:00Z.
 */
public final class Timestamps {

  /** Python's own form for years it cannot write in four digits (Python itself stops at 9999). */
  private static final DateTimeFormatter OUT_OF_RANGE = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private static final List<Function<String, OffsetDateTime>> LENIENT_FORMS = List.of(
      OffsetDateTime::parse,
      text -> LocalDateTime.parse(text).atOffset(ZoneOffset.UTC),
      text -> LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));

  private Timestamps() {
  }

  /** Written by hand: with three timestamps per customer, DateTimeFormatter was a visible part of the store's CPU profile (bench/README.md). */
  public static String format(OffsetDateTime time) {
    if (time == null) {
      return null;
    }
    LocalDateTime utc = time.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    if (utc.getYear() < 1 || utc.getYear() > 9999) {
      return OUT_OF_RANGE.format(utc) + "Z";
    }
    StringBuilder text = new StringBuilder(27);
    digits(text, utc.getYear(), 4).append('-');
    digits(text, utc.getMonthValue(), 2).append('-');
    digits(text, utc.getDayOfMonth(), 2).append('T');
    digits(text, utc.getHour(), 2).append(':');
    digits(text, utc.getMinute(), 2).append(':');
    digits(text, utc.getSecond(), 2);
    int micros = utc.getNano() / 1000;
    if (micros != 0) {
      digits(text.append('.'), micros, 6);
    }
    return text.append('Z').toString();
  }

  private static StringBuilder digits(StringBuilder text, int value, int width) {
    String plain = Integer.toString(value);
    for (int pad = plain.length(); pad < width; pad++) {
      text.append('0');
    }
    return text.append(plain);
  }

  /**
   * An ISO-8601 date-time with an offset, one without (taken as UTC, as Django does with UTC as
   * its time zone) or a date (its start, UTC); null when the text is none of them.
   */
  public static OffsetDateTime parseLenient(String text) {
    for (Function<String, OffsetDateTime> form : LENIENT_FORMS) {
      try {
        return form.apply(text);
      } catch (DateTimeParseException notThisForm) {
        // the next form may fit
      }
    }
    return null;
  }
}
