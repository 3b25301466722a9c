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

import io.parley.nlu.Classification;
import io.parley.nlu.TestIntents;
import io.parley.nlu.entity.EntityExtractor;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

  @TempDir
  Path tmp;


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
    List<JsonObject> json = lines.stream().map(JsonObject::new).toList();
    List<String> inputs = List.of("佣金點計", "hello there", "", "買入00700 100股", "say \"hi\" \\ now");
    for (int i = 0; i < json.size(); i++) {
      JsonObject j = json.get(i);
      assertEquals(inputs.get(i), j.getString("text"));
      assertTrue(j.getString("intent").matches("[a-z_]+"), j.encode());
      double conf = j.getDouble("confidence");
      assertTrue(conf >= 0 && conf <= 1, j.encode());
      assertTrue(j.getValue("entities") instanceof JsonObject, j.encode());
      assertEquals(List.of("text", "intent", "confidence"), j.fieldNames().stream().limit(3).toList());
    }
    assertTrue(lines.get(0).startsWith("{\"text\":\"佣金點計\",\"intent\":\"faq_fees\""), lines.get(0));
    assertEquals("greeting", json.get(1).getString("intent"));
    assertEquals("trade_instruction", json.get(3).getString("intent"));
    JsonObject entities = json.get(3).getJsonObject("entities");
    assertEquals("buy", entities.getString("side"));
    assertEquals("00700", entities.getString("instrument"));
    assertEquals(100L, entities.getLong("quantity_shares"));
    assertTrue(json.get(0).getJsonObject("entities").isEmpty());
  }

  @Test
  void ambiguousListsTheCompetitors() {
    Classification c = new Classification("faq_fees", 0.41, List.of("faq_fees", "complaint"), List.of());
    assertEquals("{\"text\":\"x\",\"intent\":\"faq_fees\",\"confidence\":0.41,\"ambiguous\":[\"faq_fees\",\"complaint\"],"
        + "\"entities\":{\"price\":19.8,\"price_type\":\"limit\"}}",
        ClassifyCommand.toJson("x", c, EntityExtractor.loadDefault().extract("19.8元")));
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThrows(UsageException.class, () -> new ClassifyCommand().run(List.of("--bogus"),
        new ByteArrayInputStream(new byte[0]), System.out, System.err));
  }
}
