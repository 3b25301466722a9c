package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentTrainerTest {

  @TempDir
  Path tmp;

  private static List<Path> modelDirs(Path cache) throws Exception {
    try (Stream<Path> s = Files.list(cache)) {
      return s.sorted().toList();
    }
  }

  @Test
  void trainsThenLoadsFromCacheThenRetrainsWhenDataChanges() throws Exception {
    Path intents = TestIntents.write(tmp.resolve("intents"));
    Path cache = tmp.resolve("cache");
    List<String> progress = new ArrayList<>();

    IntentModel first = IntentTrainer.trainOrLoad(intents, cache, TestIntents.fastConfig(), progress::add);
    assertTrue(progress.stream().anyMatch(p -> p.startsWith("training final model")), progress.toString());
    assertEquals(1, modelDirs(cache).size());

    progress.clear();
    IntentModel second = IntentTrainer.trainOrLoad(intents, cache, TestIntents.fastConfig(), progress::add);
    assertTrue(progress.isEmpty(), "loaded from cache, no training: " + progress);
    assertEquals(first.thresholds(), second.thresholds());
    assertEquals(first.labels(), second.labels());
    OpenNlpIntentClassifier a = new OpenNlpIntentClassifier(first);
    OpenNlpIntentClassifier b = new OpenNlpIntentClassifier(second);
    assertEquals(a.classify("我想問下佣金").confidence(), b.classify("我想問下佣金").confidence(), 1e-9);

    // a change of data retrains (new cache entry)
    Files.writeString(intents.resolve("greeting.yml"),
        Files.readString(intents.resolve("greeting.yml"), StandardCharsets.UTF_8).replace("hey,", "hey, yo,"),
        StandardCharsets.UTF_8);
    progress.clear();
    IntentTrainer.trainOrLoad(intents, cache, TestIntents.fastConfig(), progress::add);
    assertTrue(progress.stream().anyMatch(p -> p.startsWith("training final model")), progress.toString());
    assertEquals(2, modelDirs(cache).size());

    // and so does a change of settings
    assertNotEquals(IntentTrainer.cacheKey(intents, TestIntents.fastConfig(), Lexicon.EMPTY),
        IntentTrainer.cacheKey(intents, TestIntents.fastConfig().with("cutoff", "2"), Lexicon.EMPTY));
  }

  @Test
  void classifiesAcrossScriptsAndFromManyThreads() throws Exception {
    Path intents = TestIntents.write(tmp.resolve("intents"));
    IntentModel m = IntentTrainer.trainOrLoad(intents, null, TestIntents.fastConfig(), s -> { });
    IntentClassifier c = new OpenNlpIntentClassifier(m);
    assertEquals("faq_fees", c.classify("佣金怎么收的").intent());
    assertEquals("faq_fees", c.classify("佣金點收").intent());
    assertEquals("greeting", c.classify("HELLO!!").intent());
    assertEquals("trade_instruction", c.classify("买入 600036 300股").intent());
    Classification r = c.classify("你好");
    assertTrue(r.confidence() > 0 && r.confidence() <= 1, r.toString());
    assertTrue(r.top().size() <= 3 && r.top().get(0).probability() >= r.top().get(r.top().size() - 1).probability());

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> fs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String text = i % 2 == 0 ? "印花稅係幾多" : "bye bye";
        fs.add(pool.submit(() -> c.classify(text).intent()));
      }
      for (int i = 0; i < fs.size(); i++) {
        assertEquals(i % 2 == 0 ? "faq_fees" : "goodbye", fs.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stratifiedFoldsKeepEveryLabelInEveryFold() {
    List<Example> data = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      data.add(Example.of("a" + i, "a"));
      data.add(Example.of("b" + i, "b"));
    }
    int[] f = IntentTrainer.stratifiedFolds(data, 5, 1);
    for (int k = 0; k < 5; k++) {
      int fold = k;
      long a = java.util.stream.IntStream.range(0, data.size()).filter(i -> f[i] == fold && data.get(i).label().equals("a")).count();
      assertEquals(2, a);
    }
  }

  @Test
  void decisionsUseThresholdAndMargin() {
    Scores s = Scores.of(new String[] {"a", "b", IntentIds.OUT_OF_SCOPE}, new double[] {0.45, 0.40, 0.15});
    assertEquals("a", s.decide(new Thresholds(0, 0, 0.1)));
    assertTrue(s.ambiguous(new Thresholds(0, 0, 0.1)));
    assertEquals(IntentIds.OUT_OF_SCOPE, s.decide(new Thresholds(0.5, 0, 0.1)));
    Scores oos = Scores.of(new String[] {"a", "b", IntentIds.OUT_OF_SCOPE}, new double[] {0.3, 0.1, 0.6});
    assertEquals(IntentIds.OUT_OF_SCOPE, oos.decide(new Thresholds(0, 0, 0.1)));
    assertEquals("a", oos.decide(new Thresholds(0, 0.4, 0.1))); // a less greedy out_of_scope class
  }

  @Test
  void anAmbiguousResultNamesAtMostThreeCompetitorsBestFirst() throws Exception {
    Path intents = TestIntents.write(tmp.resolve("intents-amb"));
    IntentModel model = IntentTrainer.trainOrLoad(intents, null, TestIntents.fastConfig(), line -> { })
        .withThresholds(new Thresholds(0.0, 10.0, 1.0));
    Classification c = new OpenNlpIntentClassifier(model).classify("hello");
    assertTrue(c.isAmbiguous(), c.toString());
    assertEquals(3, c.ambiguous().size(), "four intents are all within the margin; three are named: " + c);
    assertEquals(c.intent(), c.ambiguous().get(0));
  }
}
