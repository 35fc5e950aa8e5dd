package io.customerservice.contract.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids in paths, tokens and requests: only the canonical form PostgreSQL and Django print names a row. */
class UuidsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-A165-70867728950E",
      "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"})
  void acceptsTheCanonicalForm(String text) {
    assertEquals(Optional.of(UUID.fromString(text)), Uuids.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1-1-1-1-1", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950ea",
      "0f8fad5bd9cb-469f-a165-70867728950e-", "0f8fad5b-d9cb-469f-a165-70867728950g", "{0f8fad5b-d9cb-469f-a165-70867728950}",
      "0f8fad5b_d9cb_469f_a165_70867728950e", "+f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-7086772895\u0660e",
      "0f8fad5bd9cb469fa16570867728950e"})
  void refusesEverythingElse(String text) {
    assertTrue(Uuids.parse(text).isEmpty(), text);
  }

  @Test
  void refusesNull() {
    assertTrue(Uuids.parse((String) null).isEmpty());
  }
}
