package io.customerservice.importer;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** What an import did: rows imported, skipped as already present, rejected by reason, and user-data mismatches found. */
public final class ImportSummary {

  private long imported;
  private long present;
  private long mismatches;
  private final Map<String, Long> rejected = new TreeMap<>();

  void imported(long count) {
    imported += count;
  }

  void present(long count) {
    present += count;
  }

  void mismatch() {
    mismatches++;
  }

  void rejected(String reason) {
    rejected.merge(reason, 1L, Long::sum);
  }

  public long imported() {
    return imported;
  }

  public long present() {
    return present;
  }

  public long mismatches() {
    return mismatches;
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> rejected() {
    return Map.copyOf(rejected);
  }

  public long rows() {
    return imported + present + rejectedTotal();
  }

  JsonObject toJson() {
    JsonObject reasons = new JsonObject();
    rejected.forEach(reasons::put);
    return new JsonObject().put("imported", imported).put("present", present).put("mismatches", mismatches).put("rejected", reasons);
  }

  static ImportSummary fromJson(JsonObject json) {
    ImportSummary summary = new ImportSummary();
    summary.imported = json.getLong("imported", 0L);
    summary.present = json.getLong("present", 0L);
    summary.mismatches = json.getLong("mismatches", 0L);
    json.getJsonObject("rejected", new JsonObject()).forEach(e -> summary.rejected.put(e.getKey(), ((Number) e.getValue()).longValue()));
    return summary;
  }

  /** The closing report, as people read it. */
  public String report(boolean dryRun) {
    StringBuilder text = new StringBuilder();
    text.append(dryRun ? "Dry run, nothing written.\n" : "")
        .append(String.format("%-34s %,d%n", dryRun ? "would import:" : "imported:", imported))
        .append(String.format("%-34s %,d%n", "skipped, already present:", present))
        .append(String.format("%-34s %,d%n", "rejected:", rejectedTotal()));
    rejected.forEach((reason, count) -> text.append(String.format("  %,8d  %s%n", count, reason)));
    text.append(String.format("%-34s %,d%n", "user data differing from auth:", mismatches));
    return text.toString();
  }
}
