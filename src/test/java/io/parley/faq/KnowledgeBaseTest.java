package io.parley.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.bot.TextCatalog;
import io.parley.nlu.IntentIds;
import io.parley.nlu.Language;
import io.parley.nlu.LanguageDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

  private static final Path INTENTS = Path.of("intents");

  @Test
  void everyFaqIntentHasAnAnswerInEachLanguageInItsOwnScript() {
    KnowledgeBase kb = KnowledgeBase.load(INTENTS);
    TextCatalog texts = TextCatalog.load(INTENTS);
    LanguageDetector detector = new LanguageDetector();
    long faqIntents = IntentIds.intents().stream().filter(i -> i.startsWith("faq_")).count();
    assertEquals(15, faqIntents);
    assertEquals(faqIntents, kb.all().size());
    for (String intent : IntentIds.intents()) {
      if (!intent.startsWith("faq_")) {
        continue;
      }
      FaqAnswer a = kb.answer(intent).orElseThrow(() -> new AssertionError("no answer for " + intent));
      assertEquals(Language.ZH_HANS, detector.detect(a.text(Language.ZH_HANS)), intent + " zh-Hans");
      assertEquals(Language.ZH_HANT, detector.detect(a.text(Language.ZH_HANT)), intent + " zh-Hant");
      assertFalse(a.text(Language.EN).codePoints()
          .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), intent + " en has Chinese");
      assertNotEquals(a.text(Language.ZH_HANS), a.text(Language.ZH_HANT));
      assertFalse(a.followUps().isEmpty(), intent);
      for (String next : a.followUps()) {
        for (Language l : Language.values()) {
          assertFalse(texts.text("label." + next, l).isBlank());
        }
      }
      assertTrue(a.lastReviewed() != null && "needs_staff_review".equals(a.review()), intent);
    }
  }

  @Test
  void aBrokenAnswerIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("faq_fees.yml"), """
        id: faq_fees
        examples:
          en: [fees]
        answer:
          last_reviewed: 2026-11-30
          text:
            zh-Hans: 佣金
            en: Fees
        """);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnowledgeBase.load(dir));
    assertTrue(e.getMessage().contains("faq_fees.yml") && e.getMessage().contains("zh-Hant"), e.getMessage());

    Files.writeString(dir.resolve("faq_fees.yml"), """
        id: faq_fees
        answer:
          last_reviewed: 2026-11-30
          text: {zh-Hans: 佣金, zh-Hant: 佣金, en: Fees}
          quick_replies: [faq_nothing]
        """);
    e = assertThrows(IllegalArgumentException.class, () -> KnowledgeBase.load(dir));
    assertTrue(e.getMessage().contains("faq_nothing"), e.getMessage());
  }
}
