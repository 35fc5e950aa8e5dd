package io.customerservice.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The frontend parses what Django REST framework wrote: Python's isoformat in UTC, Z for +00:00. */
class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
      "2024-05-01T09:30:00.250000Z, 2024-05-01T09:30:00.250000Z",
      "2024-05-01T09:30:00.000005Z, 2024-05-01T09:30:00.000005Z",
      "2024-05-01T09:30:00.123456789Z, 2024-05-01T09:30:00.123456Z",
      "2024-05-01T09:30:00Z, 2024-05-01T09:30:00Z",
      "2024-05-01T09:30:00.000000999Z, 2024-05-01T09:30:00Z",
      "2024-05-01T01:30:00.5+02:00, 2024-04-30T23:30:00.500000Z",
      "2024-12-31T23:59:59.999999-05:00, 2025-01-01T04:59:59.999999Z",
      "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59.000001Z, 9999-12-31T23:59:59.000001Z"})
  void writesWhatDjangoRestFrameworkWrites(String given, String written) {
    assertEquals(written, Timestamps.format(OffsetDateTime.parse(given)));
  }

  @Test
  void writesNullForNull() {
    assertNull(Timestamps.format(null));
  }

  @ParameterizedTest
  @CsvSource({
      "2024-05-01T09:30:00+02:00, 2024-05-01T07:30:00Z",
      "2024-05-01T09:30:00, 2024-05-01T09:30:00Z",
      "2024-05-01, 2024-05-01T00:00:00Z"})
  void readsDatesLeniently(String given, String written) {
    assertEquals(written, Timestamps.format(Timestamps.parseLenient(given)));
  }

  @Test
  void readsNothingFromNonsense() {
    assertNull(Timestamps.parseLenient("yesterday"));
  }
}
