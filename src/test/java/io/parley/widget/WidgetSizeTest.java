package io.parley.widget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The size budget of issue 7: the entry script and everything it imports, under 20 KB gzipped. */
class WidgetSizeTest {

  static final Path ENTRY = Path.of("widget", "parley.js");
  static final int BUDGET_BYTES = 20 * 1024;
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\b[^'\"]*['\"]([^'\"]+)['\"]");

  /** The entry and every module it imports, transitively, in load order. */
  static Set<Path> modules() throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    Deque<Path> todo = new ArrayDeque<>();
    todo.add(ENTRY.normalize());
    while (!todo.isEmpty()) {
      Path p = todo.poll();
      if (!seen.add(p)) {
        continue;
      }
      Matcher m = IMPORT.matcher(Files.readString(p, StandardCharsets.UTF_8));
      while (m.find()) {
        todo.add(p.getParent().resolve(m.group(1)).normalize());
      }
    }
    return seen;
  }

  static int gzipped(Set<Path> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      for (Path f : files) {
        gz.write(Files.readAllBytes(f));
      }
    }
    return out.size();
  }

  @Test
  void theWidgetStaysUnderTwentyKilobytesGzipped() throws IOException {
    Set<Path> files = modules();
    assertTrue(files.size() >= 2, "the entry imports its modules: " + files);
    int size = gzipped(files);
    System.out.println("widget: " + files.size() + " modules, " + size + " bytes gzipped (budget " + BUDGET_BYTES + ")");
    assertTrue(size < BUDGET_BYTES, "widget is " + size + " bytes gzipped, over the budget of " + BUDGET_BYTES
        + " (README, Website widget): " + files);
  }
}
