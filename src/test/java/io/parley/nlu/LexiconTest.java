package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {

  @TempDir
  Path tmp;

  private final TextNormalizer normalizer = new TextNormalizer();

  private final Lexicon lexicon = Lexicon.of(Map.of(
      "fee", List.of("佣金", "手續費", "commission", "stamp duty"),
      "human_agent", List.of("转人工", "真人", "talk to a person", "agent"),
      "bye", List.of("886", "拜拜", "cya")));

  private List<String> concepts(String text) {
    return lexicon.conceptsIn(normalizer.normalize(text));
  }

  @Test
  void chineseTermsMatchInsideAMessageInEitherScript() {
    assertEquals(List.of("fee"), concepts("你们佣金怎么收"));
    assertEquals(List.of("fee"), concepts("手续费几多"));   // term written in Traditional, message in Simplified
    assertEquals(List.of("fee"), concepts("手續費幾多"));
    assertEquals(List.of("human_agent"), concepts("我要轉人工啊"));
  }

  @Test
  void englishTermsMatchWholeWordsAndInflections() {
    assertEquals(List.of("fee"), concepts("What COMMISSIONS do you charge?"));
    assertEquals(List.of("fee"), concepts("is stamp duty charged on buys"));
    assertEquals(List.of("human_agent"), concepts("can i talk to a person please"));
    assertEquals(List.of("human_agent"), concepts("agents?"));
    assertEquals(List.of(), concepts("agency"));          // not a word of the term
    assertEquals(List.of(), concepts("stamp, duty"));     // sentence punctuation breaks a run
    assertEquals(List.of(), concepts("talk to a nice person"));
  }

  @Test
  void numbersAndMixedMessagesAndSeveralConcepts() {
    assertEquals(List.of("bye"), concepts("886哦"));
    assertEquals(List.of(), concepts("8866"));
    assertEquals(List.of("human_agent", "fee"), concepts("真人 please, 佣金太贵"));
    assertEquals(List.of("fee", "bye"), concepts("commission? ok cya"));
  }

  @Test
  void traditionalAndSimplifiedMessagesGiveTheSameConceptFeatures() {
    FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults().resolveFor(30), lexicon);
    String[] hant = fx.extract("我要轉人工 手續費太貴");
    String[] hans = fx.extract("我要转人工 手续费太贵");
    assertEquals(Arrays.asList(hans), Arrays.asList(hant));
    FeatureExtractor plain = new FeatureExtractor(FeatureConfig.defaults().resolveFor(30).with("concepts", "false"), lexicon);
    assertEquals(hans.length - 2, plain.extract("我要转人工 手续费太贵").length, "two concepts, two features");
  }

  @Test
  void serialisesAndFingerprintsByContent() {
    Lexicon back = Lexicon.deserialize(lexicon.serialize());
    assertEquals(lexicon.terms(), back.terms());
    assertEquals(lexicon.fingerprint(), back.fingerprint());
    assertEquals(concepts("转人工"), back.conceptsIn(normalizer.normalize("转人工")));
    Lexicon more = Lexicon.of(Map.of("fee", List.of("佣金", "手續費", "commission", "stamp duty", "levy"),
        "human_agent", List.of("转人工", "真人", "talk to a person", "agent"), "bye", List.of("886", "拜拜", "cya")));
    assertNotEquals(lexicon.fingerprint(), more.fingerprint());
  }

  @Test
  void loadsFilesMergingAConceptDefinedTwice() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("intents").resolve(Lexicon.DIR));
    Files.writeString(dir.resolve("a.yml"), """
        concepts:
          fee:
            en: [commission]
            zh-Hans: [佣金]
        """);
    Files.writeString(dir.resolve("b.yml"), """
        concepts:
          fee:
            zh-Hant: [收幾多錢]
          bye:
            en: [cya, "886"]
        """);
    Lexicon l = Lexicon.forIntents(tmp.resolve("intents"));
    assertEquals(2, l.terms().size());
    assertEquals(3, l.terms().get("fee").size());
    assertEquals(List.of("fee"), l.conceptsIn(normalizer.normalize("收几多钱啊")));
    assertSame(Lexicon.EMPTY, Lexicon.forIntents(tmp.resolve("nowhere")));
  }

  @Test
  void badFilesAreReportedWithFileAndLine() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("lex"));
    Files.writeString(dir.resolve("bad.yml"), """
        concepts:
          Fee-Words:
            en: [commission]
          bye:
            fr: [salut]
            en: ["", "see you. later", cya]
          thanks: [thx]
        """);
    IntentDataException e = assertThrows(IntentDataException.class, () -> Lexicon.load(dir));
    List<String> problems = new ArrayList<>(e.problems());
    assertTrue(problems.contains("lexicon/bad.yml:2: concept id 'Fee-Words' must be lower_snake_case"), problems.toString());
    assertTrue(problems.contains("lexicon/bad.yml:5: unknown language 'fr' (expected zh-Hans, zh-Hant or en)"), problems.toString());
    assertTrue(problems.contains("lexicon/bad.yml:6: empty term"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("lexicon/bad.yml:6: term \"see you. later\" contains punctuation")),
        problems.toString());
    assertTrue(problems.contains("lexicon/bad.yml:7: concept 'thanks' must map languages to lists of terms"), problems.toString());
    assertEquals(5, problems.size(), problems.toString());
  }

  @Test
  void aModelKeepsItsLexiconAndTheCacheKeyFollowsIt() throws Exception {
    Path intents = TestIntents.write(tmp.resolve("intents"));
    Path lexDir = Files.createDirectories(intents.resolve(Lexicon.DIR));
    Files.writeString(lexDir.resolve("x.yml"), """
        concepts:
          fee:
            en: [brokerage charge]
            zh-Hans: [佣金]
        """);
    Path cache = tmp.resolve("cache");
    String before = IntentTrainer.cacheKey(intents, TestIntents.fastConfig(), Lexicon.forIntents(intents));
    IntentModel trained = IntentTrainer.trainOrLoad(intents, cache, TestIntents.fastConfig(), s -> { });
    assertEquals(1, trained.lexicon().terms().size());
    IntentModel loaded = IntentTrainer.trainOrLoad(intents, cache, TestIntents.fastConfig(), s -> { });
    assertEquals(trained.lexicon().terms(), loaded.lexicon().terms());
    assertEquals(Arrays.asList(trained.extractor().extract("any brokerage charges?")),
        Arrays.asList(loaded.extractor().extract("any brokerage charges?")));

    Files.writeString(lexDir.resolve("x.yml"), """
        concepts:
          fee:
            en: [brokerage charge, levy]
            zh-Hans: [佣金]
        """);
    assertNotEquals(before, IntentTrainer.cacheKey(intents, TestIntents.fastConfig(), Lexicon.forIntents(intents)));
  }
}
