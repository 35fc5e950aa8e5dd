package io.customerservice.importer;

import java.nio.file.Path;

/**
 * How an import runs: {@code dryRun} writes nothing; addresses parsed with less than
 * {@code minConfidence} are rejected unless {@code keepUnparsedAddress}, which imports the raw
 * text as the street address with {@value LegacyImporter#UNPARSED} in the other address fields;
 * {@code token} is the bearer token the authentication service is asked with.
 */
public record ImportOptions(
    Path input,
    Path rejects,
    Path mismatches,
    boolean dryRun,
    int batchSize,
    double minConfidence,
    boolean keepUnparsedAddress,
    boolean restart,
    String token) {

  /** Where the checkpoint of an interrupted run is kept, beside the input. */
  Path stateFile() {
    return input.resolveSibling(input.getFileName() + ".import-state.json");
  }
}
