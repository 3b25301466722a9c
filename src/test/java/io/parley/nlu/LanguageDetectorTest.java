package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  private final LanguageDetector detector = new LanguageDetector();

  @Test
  void aTraditionalOnlyCharacterMakesTraditionalAndNoChineseMakesEnglish() {
    assertEquals(Language.ZH_HANT, detector.detect("開戶要帶甚麼"));
    assertEquals(Language.ZH_HANS, detector.detect("开户要带什么"));
    assertEquals(Language.EN, detector.detect("How do I open an account?"));
  }

  @Test
  void wordsBothScriptsShareKeepTheConversationsTraditionalScript() {
    assertEquals(Language.ZH_HANT, detector.detect("今朝", Language.ZH_HANT));
    assertEquals(Language.ZH_HANS, detector.detect("今朝", Language.ZH_HANS));
    assertEquals(Language.ZH_HANS, detector.detect("今朝", null));
    assertEquals(Language.ZH_HANS, detector.detect("今天开户", Language.ZH_HANT), "开 is Simplified-only");
    assertEquals(Language.EN, detector.detect("this morning", Language.ZH_HANT));
  }
}
