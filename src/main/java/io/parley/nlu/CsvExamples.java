package io.parley.nlu;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled examples from CSV (RFC 4180: comma separated, fields optionally in double quotes, a
 * double quote inside a quoted field doubled, line breaks allowed inside quotes, CRLF or LF) with a
 * header row; the first column is the text, the second the label, further columns are ignored.
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
    List<List<String>> rows = parse(r, name);
    List<Example> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    int langCol = -1;
    List<String> header = rows.get(0);
    for (int c = 2; c < header.size(); c++) {
      if ("language".equalsIgnoreCase(header.get(c).strip())) {
        langCol = c;
      }
    }
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() == 2 && row.get(0).isBlank()) {
        continue; // blank line
      }
      int line = lineOf(row);
      if (row.size() - 1 < 2) {
        throw new IOException(name + ":" + line + ": expected text,label");
      }
      String text = row.get(0);
      String label = row.get(1).strip();
      if (label.isEmpty()) {
        throw new IOException(name + ":" + line + ": empty label");
      }
      Language lang = langCol >= 0 && langCol < row.size() - 1
          ? Language.fromTag(row.get(langCol).strip()).orElse(null) : null;
      out.add(new Example(text, label, lang, name, line));
    }
    return out;
  }

  /** Each row's last element is its starting line number (as a string), appended by the parser. */
  private static int lineOf(List<String> row) {
    return Integer.parseInt(row.get(row.size() - 1));
  }

  static List<List<String>> parse(Reader r, String name) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    int line = 1;
    int rowLine = 1;
    int c = r.read();
    if (c == 0xFEFF) {
      c = r.read();
    }
    boolean any = false;
    while (c != -1) {
      any = true;
      if (quoted) {
        if (c == '"') {
          int n = r.read();
          if (n == '"') {
            field.append('"');
          } else {
            quoted = false;
            afterQuote = true;
            c = n;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !afterQuote) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r') {
          int n = r.read();
          if (n != '\n') {
            endRow(rows, row, field, rowLine);
            row = new ArrayList<>();
            afterQuote = false;
            line++;
            rowLine = line;
            c = n;
            continue;
          }
        }
        endRow(rows, row, field, rowLine);
        row = new ArrayList<>();
        afterQuote = false;
        line++;
        rowLine = line;
        any = false;
      } else if (afterQuote) {
        throw new IOException(name + ":" + line + ": unexpected character after a closing quote");
      } else {
        field.append((char) c);
      }
      c = r.read();
    }
    if (quoted) {
      throw new IOException(name + ":" + rowLine + ": unterminated quoted field");
    }
    if (any || field.length() > 0 || !row.isEmpty()) {
      endRow(rows, row, field, rowLine);
    }
    return rows;
  }

  private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, int rowLine) {
    row.add(field.toString());
    field.setLength(0);
    row.add(Integer.toString(rowLine));
    rows.add(row);
  }
}
