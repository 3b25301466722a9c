package io.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.App;
import io.parley.bot.TextCatalog;
import io.parley.faq.KnowledgeBase;
import io.parley.nlu.Language;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The terminal chat against an embedded server: typed messages, a numbered choice, end of input. */
class ChatCommandTest {

  @Test
  void aNewcomerCanAskAQuestionAndPressAChoiceByNumber() {
    String input = "what are your fees\n1\n/quit\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = App.cli().run(new String[] {"chat", "--locale", "en", "--no-color"},
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String shown = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    TextCatalog texts = TextCatalog.load(Path.of("intents"));
    KnowledgeBase kb = KnowledgeBase.load(Path.of("intents"));
    assertTrue(shown.startsWith("bot> " + texts.text("greeting", Language.EN)), shown);
    assertTrue(shown.contains("  1) " + texts.text("label.account_open", Language.EN)), shown);
    assertTrue(shown.contains("bot> " + kb.answer("faq_fees").orElseThrow().text(Language.EN)), shown);
    String firstFollowUp = kb.answer("faq_fees").orElseThrow().followUps().get(0);
    assertTrue(shown.contains("bot> " + kb.answer(firstFollowUp).orElseThrow().text(Language.EN)), shown);
  }

  @Test
  void aBadLocaleIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = App.cli().run(new String[] {"chat", "--locale", "fr"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--locale"));
  }
}
