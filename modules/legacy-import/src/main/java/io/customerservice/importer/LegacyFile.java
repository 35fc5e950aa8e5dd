package io.customerservice.importer;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An export of the old customer model, as CSV with a header or as JSON Lines (one object per
 * line). Opening it checks the whole file first, encoding (UTF-8) and columns, so a file that is
 * wrong as a whole is refused before anything is written; a row that is wrong on its own is
 * returned with its problem, to be rejected.
 */
public final class LegacyFile {

  /** The columns of the old model's export. Only email and address are required. */
  public static final List<String> COLUMNS = List.of("user_id", "first_name", "last_name", "email", "phone", "address",
      "company_name", "business_type", "tax_id", "emergency_contact_name", "emergency_contact_phone",
      "emergency_contact_relationship", "is_verified", "created_at");
  static final Set<String> REQUIRED = Set.of("email", "address");

  /** One row: where it was, its values by column, and its text as it stood, for the rejects file. */
  public record Row(long line, Map<String, String> values, List<String> original, String problem) {
    String get(String column) {
      String value = values.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  private final Path path;
  private final boolean jsonLines;
  private final List<String> header;
  private final long rows;

  private LegacyFile(Path path, boolean jsonLines, List<String> header, long rows) {
    this.path = path;
    this.jsonLines = jsonLines;
    this.header = header;
    this.rows = rows;
  }

  /** Opens and checks the file; a {@link LegacyFileException} says what is wrong with it as a whole. */
  public static LegacyFile open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new LegacyFileException(path + ": no such file");
    }
    checkEncoding(path);
    boolean jsonLines = looksLikeJsonLines(path);
    if (jsonLines) {
      return new LegacyFile(path, true, COLUMNS, countJsonLines(path));
    }
    try (CSVParser csv = csv(path)) {
      List<String> header = csv.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
      if (!unknown.isEmpty()) {
        throw new LegacyFileException(path + ": unknown column(s) " + unknown + "; the columns are " + COLUMNS);
      }
      List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).sorted().toList();
      if (!missing.isEmpty()) {
        throw new LegacyFileException(path + ": missing required column(s) " + missing);
      }
      long count = 0;
      for (CSVRecord ignored : csv) {
        count++;
      }
      return new LegacyFile(path, false, header, count);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new LegacyFileException(path + ": not readable as CSV: " + e.getMessage());
    } catch (IOException e) {
      throw new LegacyFileException(path + ": " + e.getMessage());
    }
  }

  public long rows() {
    return rows;
  }

  public List<String> header() {
    return header;
  }

  public boolean jsonLines() {
    return jsonLines;
  }

  /** Reads the rows in order, giving each to {@code sink}; rows before {@code fromLine} are skipped. */
  public void read(long fromLine, RowSink sink) throws IOException {
    if (jsonLines) {
      try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
          line++;
          if (line >= fromLine && !text.isBlank()) {
            sink.accept(jsonRow(line, text));
          }
        }
      }
      return;
    }
    try (CSVParser csv = csv(path)) {
      long index = 0;
      for (CSVRecord record : csv) {
        index++;
        if (index >= fromLine) {
          sink.accept(csvRow(index, record));
        }
      }
    }
  }

  /** Takes rows one by one. */
  public interface RowSink {
    void accept(Row row) throws IOException;
  }

  private Row csvRow(long index, CSVRecord record) {
    List<String> original = record.toList();
    if (record.size() != header.size()) {
      return new Row(index, Map.of(), original,
          "Truncated or overlong line: " + record.size() + " of " + header.size() + " columns.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      values.put(header.get(i), record.get(i));
    }
    return new Row(index, values, original, null);
  }

  private static Row jsonRow(long line, String text) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return new Row(line, Map.of(), List.of(text), "Not a JSON object (a truncated line?).");
    }
    List<String> unknown = json.fieldNames().stream().filter(f -> !COLUMNS.contains(f)).sorted().toList();
    if (!unknown.isEmpty()) {
      return new Row(line, Map.of(), List.of(text), "Unknown field(s) " + unknown + ".");
    }
    Map<String, String> values = new LinkedHashMap<>();
    json.forEach(entry -> values.put(entry.getKey(), entry.getValue() == null ? null : entry.getValue().toString()));
    return new Row(line, values, List.of(text), null);
  }

  private static CSVParser csv(Path path) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
        .parse(Files.newBufferedReader(path, StandardCharsets.UTF_8));
  }

  /** Decodes the whole file strictly, counting lines in exactly the bytes decoded, to name the line of a bad byte. */
  private static void checkEncoding(Path path) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(65536);
    CharBuffer out = CharBuffer.allocate(65536);
    long line = 1;
    try (ReadableByteChannel channel = Files.newByteChannel(path)) {
      boolean end = false;
      while (!end) {
        end = channel.read(in) == -1;
        in.flip();
        int from = in.position();
        CoderResult result = decoder.decode(in, out, end);
        for (int i = from; i < in.position(); i++) {
          if (in.get(i) == '\n') {
            line++;
          }
        }
        if (result.isError()) {
          throw new LegacyFileException(path + ": not UTF-8 (line " + line + "); convert it first, for example with iconv -f latin1 -t utf-8");
        }
        out.clear();
        in.compact();
      }
    } catch (IOException e) {
      throw new LegacyFileException(path + ": " + e.getMessage());
    }
  }

  private static boolean looksLikeJsonLines(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return true;
    }
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      return first != null && first.stripLeading().startsWith("{");
    } catch (IOException e) {
      throw new LegacyFileException(path + ": " + e.getMessage());
    }
  }

  private static long countJsonLines(Path path) {
    try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).count();
    } catch (IOException | UncheckedIOException e) {
      throw new LegacyFileException(path + ": " + e.getMessage());
    }
  }

  /** The file as a whole cannot be imported; nothing was written. */
  public static final class LegacyFileException extends RuntimeException {
    public LegacyFileException(String message) {
      super(message);
    }
  }

  static List<String> headerWithReason(List<String> header) {
    List<String> columns = new ArrayList<>(header);
    columns.add("_line");
    columns.add("_reason");
    return columns;
  }
}
