package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentDataLoaderTest {

  @TempDir
  Path dir;

  private final IntentDataLoader loader = new IntentDataLoader();

  @Test
  void loadsExamplesWithLanguageFileAndLine() throws IOException {
    TestIntents.write(dir);
    List<Example> all = loader.loadIntents(dir);
    assertEquals(83, all.size()); // 90 less 7 repeated after folding (你好, 拜拜, 再見/再见, ...)
    Example hant = all.stream().filter(e -> e.text().equals("佣金點計")).findFirst().orElseThrow();
    assertEquals("faq_fees", hant.label());
    assertEquals(Language.ZH_HANT, hant.language());
    assertTrue(hant.where().endsWith("faq_fees.yml:4"), hant.where());
  }

  @Test
  void unknownIntentIdNamesFileAndLine() throws IOException {
    TestIntents.file(dir, "faq_weather", """
        id: faq_weather
        examples:
          en: [is it sunny]
        """);
    IntentDataException e = assertThrows(IntentDataException.class, () -> loader.loadIntents(dir));
    assertTrue(e.getMessage().contains("faq_weather.yml:1") && e.getMessage().contains("unknown id"), e.getMessage());
  }

  @Test
  void idDifferentFromFileName() throws IOException {
    TestIntents.file(dir, "greeting", """
        # greetings
        id: goodbye
        examples:
          en: [hi]
        """);
    IntentDataException e = assertThrows(IntentDataException.class, () -> loader.loadIntents(dir));
    assertTrue(e.getMessage().contains("greeting.yml:2") && e.getMessage().contains("differs from the file name"),
        e.getMessage());
  }

  @Test
  void emptyExample() throws IOException {
    TestIntents.file(dir, "greeting", """
        id: greeting
        examples:
          en:
            - hi
            - ""
            - hello
        """);
    IntentDataException e = assertThrows(IntentDataException.class, () -> loader.loadIntents(dir));
    assertTrue(e.getMessage().contains("greeting.yml:5") && e.getMessage().contains("empty example"), e.getMessage());
  }

  @Test
  void unknownLanguage() throws IOException {
    TestIntents.file(dir, "greeting", """
        id: greeting
        examples:
          en: [hi]
          fr: [bonjour]
        """);
    IntentDataException e = assertThrows(IntentDataException.class, () -> loader.loadIntents(dir));
    assertTrue(e.getMessage().contains("greeting.yml:4") && e.getMessage().contains("unknown language 'fr'"),
        e.getMessage());
  }

  @Test
  void sameExampleAfterNormalisationUnderTwoIntents() throws IOException {
    TestIntents.file(dir, "greeting", """
        id: greeting
        examples:
          zh-Hans: [你好, 转人工]
        """);
    TestIntents.file(dir, "agent_request", """
        id: agent_request
        examples:
          zh-Hant:
            - 我要真人
            - 轉人工！
        """);
    IntentDataException e = assertThrows(IntentDataException.class, () -> loader.loadIntents(dir));
    String m = e.getMessage();
    assertTrue(m.contains("agent_request.yml:5") && m.contains("greeting.yml:3") && m.contains("转人工"), m);
  }

  @Test
  void everyProblemIsReportedAtOnce() throws IOException {
    TestIntents.file(dir, "greeting", "id: greeting\nexamples:\n  xx: [a]\n  en: ['']\n");
    TestIntents.file(dir, "nope", "id: nope\nexamples:\n  en: [b]\n");
    IntentDataException e = assertThrows(IntentDataException.class, () -> loader.loadIntents(dir));
    assertEquals(3, e.problems().size(), e.getMessage());
  }

  @Test
  void invalidYamlNamesTheLine() throws IOException {
    TestIntents.file(dir, "greeting", "id: greeting\nexamples:\n  en: [hi\n  zh-Hans: x: y\n");
    IntentDataException e = assertThrows(IntentDataException.class, () -> loader.loadIntents(dir));
    assertTrue(e.getMessage().contains("greeting.yml:") && e.getMessage().contains("invalid YAML"), e.getMessage());
  }

  @Test
  void complaintCategoriesUseTheirOwnIds() throws IOException {
    Path c = Files.createDirectories(dir.resolve("complaints"));
    TestIntents.file(c, "fees", "id: fees\nexamples:\n  zh-Hans: [佣金收太多了]\n  en: [you overcharged me]\n");
    TestIntents.file(c, "system_failure", "id: system_failure\nexamples:\n  en: [the app crashed again]\n");
    List<Example> all = loader.loadComplaintCategories(c);
    assertEquals(3, all.size());
    TestIntents.file(c, "greeting", "id: greeting\nexamples:\n  en: [hello]\n");
    assertThrows(IntentDataException.class, () -> loader.loadComplaintCategories(c));
  }

  @Test
  void canonicalIdsComeFromOnePlace() {
    assertEquals(30, IntentIds.intents().size());
    assertTrue(IntentIds.isIntent("faq_fees"));
    assertTrue(IntentIds.complaintCategories().contains("system_failure"));
  }
}
