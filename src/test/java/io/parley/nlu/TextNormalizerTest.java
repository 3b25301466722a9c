package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  private final TextNormalizer n = new TextNormalizer();
  /** Readable (unhashed) features, to check what they are; the hashed defaults are checked too. */
  private final FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults().with("hashBuckets", "0"));
  private final FeatureExtractor hashedDefaults = new FeatureExtractor(FeatureConfig.defaults().resolveFor(31));

  @Test
  void fullWidthBecomesHalfWidth() {
    assertEquals("abc 123?", n.normalize("ＡＢＣ\u3000１２３？"));
  }

  @Test
  void caseIsFolded() {
    assertEquals("buy aapl", n.normalize("BUY AaPl"));
  }

  @Test
  void whiteSpaceIsCollapsed() {
    assertEquals("a b", n.normalize("  a \t\n b  "));
  }

  @Test
  void traditionalFoldsToSimplified() {
    assertEquals("开户要什么证件", n.normalize("開戶要什麼證件"));
    assertEquals("佣金点计", n.normalize("佣金點計"));
  }

  @Test
  void traditionalAndSimplifiedGiveTheSameFeatures() {
    assertArrayEquals(fx.extract("我想開戶，要帶什麼證件？"), fx.extract("我想开户，要带什么证件?"));
    assertArrayEquals(fx.extract("轉人工"), fx.extract("转人工"));
    assertArrayEquals(hashedDefaults.extract("我想開戶，要帶什麼證件？"), hashedDefaults.extract("我想开户，要带什么证件?"));
  }

  @Test
  void fullWidthAndCaseGiveTheSameFeatures() {
    assertArrayEquals(fx.extract("ＢＵＹ　６００５１９"), fx.extract("buy 600519"));
    assertArrayEquals(hashedDefaults.extract("ＢＵＹ　Ｔｅｎｃｅｎｔ"), hashedDefaults.extract("buy tencent"));
  }

  @Test
  void cjkGivesUnigramsAndBigrams() {
    List<String> f = Arrays.asList(fx.extract("转人工"));
    assertTrue(f.containsAll(List.of("u:转", "u:人", "u:工", "b:转人", "b:人工")), f.toString());
  }

  @Test
  void optionalStemsAndSkipBigramsAreOffByDefault() {
    List<String> plain = Arrays.asList(fx.extract("transferred 转个账"));
    assertTrue(plain.stream().noneMatch(f -> f.startsWith("st:") || f.startsWith("k:")), plain.toString());
    FeatureExtractor more = new FeatureExtractor(FeatureConfig.defaults().with("hashBuckets", "0")
        .with("stems", "true").with("cjkSkipBigrams", "true"));
    List<String> f = Arrays.asList(more.extract("Transferred 转个账"));
    assertTrue(f.contains("st:transfer"), f.toString());
    assertTrue(f.contains("k:转账"), f.toString());
    assertTrue(Arrays.asList(more.extract("transfers")).contains("st:transfer"));
  }

  @Test
  void punctuationIsSplitOffWordsAndApostrophesJoin() {
    List<String> f = Arrays.asList(fx.extract("Hello, what's the fee?"));
    assertTrue(f.containsAll(List.of("w:hello", "w:whats", "w:fee", "wb:whats_the", "s:?")), f.toString());
    assertTrue(f.contains("g:<he"), f.toString());
  }

  @Test
  void numbersKeepTheirShape() {
    List<String> code = Arrays.asList(fx.extract("买入600519"));
    assertTrue(code.contains("n:#6"), code.toString());
    List<String> price = Arrays.asList(fx.extract("limit 1,800.50"));
    assertTrue(price.containsAll(List.of("n:#4.2", "n:dec")), price.toString());
    List<String> small = Arrays.asList(fx.extract("T+1"));
    assertTrue(small.containsAll(List.of("n=1", "s:+", "w:t")), small.toString());
  }

  @Test
  void hashingBoundsTheFeatureSpace() {
    FeatureExtractor hashed = new FeatureExtractor(FeatureConfig.defaults().with("hashBuckets", "64"));
    for (String f : hashed.extract("what's my commission rate 佣金")) {
      int b = Integer.parseInt(f.substring(1));
      assertTrue(f.startsWith("h") && b >= 0 && b < 64, f);
    }
  }

  @Test
  void automaticBucketsFollowTheLabelCount() {
    assertEquals(32768, FeatureConfig.defaults().resolveFor(31).hashBuckets());
    assertEquals(4096, FeatureConfig.defaults().resolveFor(151).hashBuckets());
    assertEquals(0, FeatureConfig.defaults().with("hashBuckets", "0").resolveFor(151).hashBuckets());
  }

  @Test
  void languageDetector() {
    LanguageDetector d = new LanguageDetector();
    assertEquals(Language.ZH_HANT, d.detect("我想開戶"));
    assertEquals(Language.ZH_HANS, d.detect("我想开户"));
    assertEquals(Language.ZH_HANS, d.detect("你好"));
    assertEquals(Language.EN, d.detect("open an account"));
    assertEquals(Language.ZH_HANT, d.detect("buy 騰訊 100股"));
    assertEquals(Language.EN, d.detect(""));
  }

  @Test
  void cantoneseFoldingRewritesOnlyUnambiguousWords() {
    assertEquals("佣金怎么算", CantoneseFolding.apply(n.normalize("佣金點計")));
    assertEquals("为什么不可以", CantoneseFolding.apply(n.normalize("點解唔可以")));
    assertEquals("系统三点", CantoneseFolding.apply("系统三点"));
  }
}
