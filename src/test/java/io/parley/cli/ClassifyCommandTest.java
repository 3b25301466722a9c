package io.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.parley.nlu.Classification;
import io.parley.nlu.TestIntents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

  @TempDir
  Path tmp;

  private static final Pattern LINE = Pattern.compile(
      "\\{\"text\":\"(?:[^\"\\\\]|\\\\.)*\",\"intent\":\"[a-z_]+\",\"confidence\":[0-9.E-]+(,\"ambiguous\":\\[(\"[a-z_]+\",?)+\\])?,\"entities\":\\{\\}\\}");

  @Test
  void oneJsonObjectPerInputLineInOrderUtf8() throws Exception {
    Path intents = TestIntents.write(tmp.resolve("intents"));
    String input = "佣金點計\nhello there\n\n買入00700 100股\nsay \"hi\" \\ now\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // a PrintStream with a non-UTF-8 charset: the command must still write UTF-8 bytes
    int rc = new ClassifyCommand().run(
        List.of("--intents", intents.toString(), "--cache", tmp.resolve("cache").toString(),
            "--set", "iterations=40", "--set", "tuningFolds=3"),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.ISO_8859_1), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, rc);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(5, lines.size(), out.toString(StandardCharsets.UTF_8));
    for (String l : lines) {
      assertTrue(LINE.matcher(l).matches(), l);
    }
    assertTrue(lines.get(0).startsWith("{\"text\":\"佣金點計\",\"intent\":\"faq_fees\""), lines.get(0));
    assertTrue(lines.get(1).contains("\"intent\":\"greeting\""), lines.get(1));
    assertTrue(lines.get(2).startsWith("{\"text\":\"\","), lines.get(2));
    assertTrue(lines.get(3).contains("\"intent\":\"trade_instruction\""), lines.get(3));
    assertTrue(lines.get(4).startsWith("{\"text\":\"say \\\"hi\\\" \\\\ now\""), lines.get(4));
    assertTrue(lines.get(0).endsWith(",\"entities\":{}}"));
  }

  @Test
  void ambiguousListsTheCompetitors() {
    Classification c = new Classification("faq_fees", 0.41, List.of("faq_fees", "complaint"), List.of());
    assertEquals("{\"text\":\"x\",\"intent\":\"faq_fees\",\"confidence\":0.41,\"ambiguous\":[\"faq_fees\",\"complaint\"],"
        + "\"entities\":{}}", ClassifyCommand.toJson("x", c));
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThrows(UsageException.class, () -> new ClassifyCommand().run(List.of("--bogus"),
        new ByteArrayInputStream(new byte[0]), System.out, System.err));
  }
}
