package io.parley.nlu;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled examples from CSV ({@link Csv}) with a header row; the first column is the text, the second the label, further columns are ignored.
 * An optional third column named {@code language} (zh-Hans, zh-Hant, en) is used when present.
 */
public final class CsvExamples {

  private CsvExamples() {}

  public static List<Example> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    }
  }

  public static List<Example> read(Reader r, String name) throws IOException {
    List<Csv.Row> rows = Csv.parse(r, name);
    List<Example> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    int langCol = -1;
    List<String> header = rows.get(0).fields();
    for (int c = 2; c < header.size(); c++) {
      if ("language".equalsIgnoreCase(header.get(c).strip())) {
        langCol = c;
      }
    }
    for (int i = 1; i < rows.size(); i++) {
      Csv.Row row = rows.get(i);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue; // blank line
      }
      int line = row.line();
      if (row.size() < 2) {
        throw new IOException(name + ":" + line + ": expected text,label");
      }
      String text = row.get(0);
      String label = row.get(1).strip();
      if (label.isEmpty()) {
        throw new IOException(name + ":" + line + ": empty label");
      }
      Language lang = langCol >= 0 && langCol < row.size()
          ? Language.fromTag(row.get(langCol).strip()).orElse(null) : null;
      out.add(new Example(text, label, lang, name, line));
    }
    return out;
  }

  /** Each row's last element is its starting line number (as a string), appended by the parser. */
  private static int lineOf(List<String> row) {
    return Integer.parseInt(row.get(row.size() - 1));
  }
}
