package io.parley.bot;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.config.MemoryConfig;
import io.parley.conversation.Conversation;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.ResumeTokens;
import io.parley.conversation.TranscriptEntry;
import io.parley.faq.KnowledgeBase;
import io.parley.nlu.IntentIds;
import io.parley.nlu.Language;
import io.parley.nlu.LanguageDetector;
import io.parley.store.MemoryConversationStore;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code faq_*} intent of the taxonomy, asked in each locale (as the button press the menu
 * and follow-ups send): the bot answers from the knowledge base, in that locale's script, with its
 * follow-ups labelled in the same script; English answers contain no Chinese.
 */
class FaqWalkTest {

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static Vertx vertx;
  private static MemoryConversationStore store;
  private static DialogueEngine engine;

  @BeforeAll
  static void build() {
    vertx = Vertx.vertx();
    store = new MemoryConversationStore(vertx, Clock.systemUTC(), Duration.ofDays(1), Duration.ofDays(1),
        new MemoryConfig(null, Duration.ofSeconds(30)));
    await(store.start());
    engine = Bots.create(TestServers.memory(), TextCatalog.load(Path.of("intents")), store, () -> null, text -> null, Clock.systemUTC(), MissRecorder.NONE);
  }

  @AfterAll
  static void stop() {
    await(store.close());
    await(vertx.close());
  }

  @TestFactory
  Stream<DynamicTest> everyFaqInEveryLocale() {
    KnowledgeBase kb = KnowledgeBase.load(Path.of("intents"));
    List<String> faqs = IntentIds.intents().stream().filter(i -> i.startsWith("faq_")).sorted().toList();
    assertEquals(15, faqs.size(), "the taxonomy's FAQ intents");
    List<DynamicTest> tests = new ArrayList<>();
    for (Language lang : Language.values()) {
      for (String faq : faqs) {
        tests.add(DynamicTest.dynamicTest(faq + " in " + lang.tag(), () -> {
          Conversation c = Conversation.open(ResumeTokens.newId(), "webchat", lang.tag(), null, false, Instant.now(), "x");
          var turn = await(engine.respond(c, TranscriptEntry.customer(faq, faq, "k", Instant.now()).withSeq(2)));
          assertEquals(1, turn.replies().size());
          OutboundMessage reply = turn.replies().get(0);
          assertEquals(faq, reply.intent());
          assertEquals(kb.answer(faq).orElseThrow().text(lang), reply.text());
          assertFalse(reply.quickReplies().isEmpty(), "follow-up topics");
          List<String> shown = new ArrayList<>(List.of(reply.text()));
          reply.quickReplies().forEach(q -> shown.add(q.title()));
          for (String text : shown) {
            if (lang == Language.EN) {
              assertFalse(CJK.matcher(text).find(), "Chinese in an English reply: " + text);
            } else {
              assertScript(lang, text);
            }
          }
        }));
      }
    }
    return tests.stream();
  }

  /** Chinese text in {@code lang}'s script: Traditional has no Simplified-only character and vice versa. */
  private static void assertScript(Language lang, String text) {
    LanguageDetector d = new LanguageDetector();
    Language seen = d.detect(text, lang);
    assertEquals(lang, seen, "not in " + lang.tag() + ": " + text);
    if (lang == Language.ZH_HANT) {
      assertTrue(text.chars().noneMatch(ch -> io.parley.nlu.ChineseScript.isSimplifiedOnly((char) ch)),
          "a Simplified-only character in a Traditional reply: " + text);
    }
  }
}
