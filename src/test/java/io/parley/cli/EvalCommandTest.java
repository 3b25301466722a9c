package io.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.parley.nlu.CsvExamples;
import io.parley.nlu.Example;
import io.parley.nlu.Language;
import io.parley.nlu.TestIntents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  @TempDir
  Path tmp;

  private static final String TRAIN = """
      text,label
      hi,greeting
      hello there,greeting
      good morning,greeting
      "hey, hello",greeting
      你好,greeting
      bye,goodbye
      goodbye,goodbye
      see you later,goodbye
      "bye, see you",goodbye
      再见,goodbye
      what is the commission,faq_fees
      "fees, commissions and \"\"stamp duty\"\"",faq_fees
      how much is stamp duty,faq_fees
      minimum commission,faq_fees
      佣金多少,faq_fees
      """;

  private String[] run(List<String> args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--set", "iterations=40", "--set", "tuningFolds=3", "--report", tmp.resolve("r.html").toString()));
    int rc = new EvalCommand().run(all, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void csvWithQuotedCommasAndQuotes() throws Exception {
    List<Example> rows = CsvExamples.read(new StringReader(TRAIN + "\"multi\r\nline, text\",x\r\nlast,y"), "t.csv");
    assertEquals(17, rows.size());
    assertEquals("hey, hello", rows.get(3).text());
    assertEquals("fees, commissions and \"stamp duty\"", rows.get(11).text());
    assertEquals("multi\r\nline, text", rows.get(15).text());
    assertEquals("last", rows.get(16).text());
    assertEquals(19, rows.get(16).line()); // the quoted field spans lines 17-18
    List<Example> withLang = CsvExamples.read(new StringReader("text,label,language\n開戶,account_open,zh-Hant\n"), "l.csv");
    assertEquals(Language.ZH_HANT, withLang.get(0).language());
  }

  @Test
  void closedSetWithUnseenTestLabelsAndTheExactLastLine() throws Exception {
    Path train = Files.writeString(tmp.resolve("train.csv"), TRAIN, StandardCharsets.UTF_8);
    Path test = Files.writeString(tmp.resolve("test.csv"), """
        text,label
        "hello, hello",greeting
        bye now,goodbye
        commission please,faq_fees
        I want to open an account,account_open
        """, StandardCharsets.UTF_8);
    String[] r = run(List.of("--train", train.toString(), "--test", test.toString()));
    List<String> lines = r[0].lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.matches("accuracy=0\\.\\d{4} macro_f1=0\\.\\d{4}"), last);
    assertTrue(last.startsWith("accuracy=0.7500"), r[0]); // the unseen label is an error, not a crash
    assertTrue(r[0].contains("account_open"), r[0]);
    assertTrue(r[0].contains("out-of-scope threshold: none"), r[0]);
    assertTrue(Files.readString(tmp.resolve("r.html")).contains("Confusion matrix"));
    assertTrue(r[1].contains("training"), "progress on stderr: " + r[1]);
  }

  @Test
  void outOfScopeRowsGiveInScopeAccuracyAndRecall() throws Exception {
    String oos = """
        what's the weather,out_of_scope
        tell me a joke,out_of_scope
        which stock will rise,out_of_scope
        play some music,out_of_scope
        天气怎么样,out_of_scope
        """;
    Path train = Files.writeString(tmp.resolve("train.csv"), TRAIN + oos, StandardCharsets.UTF_8);
    Path test = Files.writeString(tmp.resolve("test.csv"),
        "text,label\nhello,greeting\nbye bye,goodbye\nrain tomorrow?,out_of_scope\n", StandardCharsets.UTF_8);
    String[] r = run(List.of("--train", train.toString(), "--test", test.toString()));
    List<String> lines = r[0].lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches(
        "accuracy=\\d\\.\\d{4} macro_f1=\\d\\.\\d{4} in_scope_accuracy=\\d\\.\\d{4} oos_recall=\\d\\.\\d{4}"),
        lines.get(lines.size() - 1));
    assertTrue(r[0].contains("cross-validation on the training file"), r[0]);
  }

  @Test
  void foldsOverAnIntentsDirectoryReportPerLanguage() throws Exception {
    Path intents = TestIntents.write(tmp.resolve("intents"));
    String[] r = run(List.of("--folds", "3", "--intents", intents.toString()));
    assertTrue(r[0].contains("per-language accuracy:"), r[0]);
    for (String l : List.of("zh-Hans", "zh-Hant", "en ")) {
      assertTrue(r[0].contains("  " + l), r[0]);
    }
    List<String> lines = r[0].lines().toList();
    assertTrue(lines.get(lines.size() - 1).contains(" oos_recall="), lines.get(lines.size() - 1));
  }

  @Test
  void missingArgumentsAreUsageErrors() {
    assertThrows(UsageException.class, () -> new EvalCommand().run(List.of("--train", "x.csv"),
        new ByteArrayInputStream(new byte[0]), System.out, System.err));
  }

  @Test
  void missingFilesAndBadDataAreReportedNotThrown() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = new EvalCommand().run(List.of("--train", tmp.resolve("nope.csv").toString(), "--test", "x.csv"),
        new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, rc);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope.csv"), err.toString(StandardCharsets.UTF_8));
    Path bad = Files.createDirectories(tmp.resolve("bad"));
    Files.writeString(bad.resolve("greeting.yml"), "id: greeting\nexamples:\n  fr: [salut]\n", StandardCharsets.UTF_8);
    err.reset();
    rc = new EvalCommand().run(List.of("--folds", "3", "--intents", bad.toString()), new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, rc);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("greeting.yml:3"), err.toString(StandardCharsets.UTF_8));
  }
}
