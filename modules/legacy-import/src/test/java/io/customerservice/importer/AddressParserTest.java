package io.customerservice.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser against a corpus written for it (address-corpus.tsv): US, Canadian and UK
 * addresses in the ways people write them, with their expected splits, and garbage that must
 * be refused rather than guessed. An answer below the importer's threshold counts as a refusal.
 */
class AddressParserTest {

  @Test
  void everyAddressOfTheCorpusIsSplitAsExpectedOrRefused() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/address-corpus.tsv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
    assertTrue(lines.size() >= 200, "a corpus of at least 200 addresses: " + lines.size());
    List<String> wrong = new ArrayList<>();
    int refused = 0;
    for (String line : lines) {
      String[] cols = line.split("\t", -1);
      String input = cols[0].replace("\\n", "\n");
      ParsedAddress parsed = AddressParser.parse(input);
      boolean accepted = parsed.parsed() && parsed.confidence() >= LegacyImporter.DEFAULT_MIN_CONFIDENCE;
      if (cols[1].equals("REJECT")) {
        refused++;
        if (accepted) {
          wrong.add("should refuse: " + cols[0] + " -> " + parsed);
        }
      } else if (!accepted) {
        wrong.add("should split: " + cols[0] + " -> " + parsed);
      } else {
        List<String> got = List.of(parsed.streetAddress(), parsed.city(), parsed.state(), parsed.postalCode(), parsed.country());
        List<String> expected = List.of(cols[2], cols[3], cols[4], cols[5], cols[6]);
        if (!got.equals(expected)) {
          wrong.add("split wrong: " + cols[0] + "\n     got " + got + "\n    want " + expected);
        }
      }
    }
    System.out.printf("[figure] address corpus: %d addresses, %d to refuse, %d wrong%n", lines.size(), refused, wrong.size());
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void aRefusalSaysWhy() {
    assertEquals("No postal code (US ZIP, Canadian or UK postcode) at the end of the address.",
        AddressParser.parse("123 Main St, Portland, OR").problem());
    assertEquals("No US state before the postal code 97201.", AddressParser.parse("123 Main St, Portland, 97201").problem());
    assertTrue(AddressParser.parse("12 Court St Paul, MN 55102").confidence() < LegacyImporter.DEFAULT_MIN_CONFIDENCE,
        "two street types: a guess, so not accepted");
  }
}
