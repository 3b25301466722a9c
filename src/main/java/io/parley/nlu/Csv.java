package io.parley.nlu;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes, a double quote inside a quoted
 * field doubled, line breaks allowed inside quotes, CRLF or LF, an optional byte-order mark. Used for
 * eval files and the instrument list.
 */
public final class Csv {

  private Csv() {}

  /** One record and the line it starts on (1-based), for error messages. */
  public record Row(int line, List<String> fields) {
    public Row {
      fields = List.copyOf(fields);
    }

    public String get(int i) {
      return fields.get(i);
    }

    public int size() {
      return fields.size();
    }
  }

  /** Every row of {@code r}, header included; {@code name} names the source in error messages. */
  public static List<Row> parse(Reader r, String name) throws IOException {
    List<Row> rows = new ArrayList<>();
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

  private static void endRow(List<Row> rows, List<String> row, StringBuilder field, int rowLine) {
    row.add(field.toString());
    field.setLength(0);
    rows.add(new Row(rowLine, row));
  }

  /** Parses CSV text held in memory. */
  public static List<Row> parse(String content, String name) {
    try {
      return parse(new StringReader(content), name);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** One field in RFC 4180 form: quoted when it holds a comma, a quote or a line break. */
  public static String field(String value) {
    String v = value == null ? "" : value;
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
