package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplaintCategorizerTest {

  @TempDir
  Path tmp;

  @Test
  void trainsThenLoadsFromCacheAndAlwaysGivesACategory() throws Exception {
    Path cache = tmp.resolve("cache");
    List<String> progress = new ArrayList<>();
    ComplaintCategorizer first = ComplaintCategorizer.trainOrLoad(Path.of("intents"), cache,
        ComplaintCategorizer.defaultConfig(), progress::add);
    assertTrue(progress.stream().anyMatch(p -> p.startsWith("training complaint categories")), progress.toString());
    List<Path> dirs;
    try (Stream<Path> s = Files.list(cache)) {
      dirs = s.toList();
    }
    assertEquals(1, dirs.size());
    assertTrue(dirs.get(0).getFileName().toString().startsWith("complaints-"), dirs.toString());

    progress.clear();
    ComplaintCategorizer second = ComplaintCategorizer.trainOrLoad(Path.of("intents"), cache,
        ComplaintCategorizer.defaultConfig(), progress::add);
    assertTrue(progress.isEmpty(), "loaded from cache, no training: " + progress);
    assertEquals(new HashSet<>(IntentIds.complaintCategories()), new HashSet<>(second.categories()));

    String text = "你们多收了我佣金";
    ComplaintCategory a = first.categorize(text);
    ComplaintCategory b = second.categorize(text);
    assertEquals(a, b);
    assertEquals(IntentIds.complaintCategories().size() - 1, a.alternatives().size());
    double sum = a.confidence();
    double previous = a.confidence();
    for (ComplaintCategory.Scored s : a.alternatives()) {
      assertTrue(s.probability() <= previous, a.toString());
      previous = s.probability();
      sum += s.probability();
    }
    assertEquals(1.0, sum, 1e-6);

    ComplaintCategory blank = first.categorize("");
    assertTrue(IntentIds.complaintCategories().contains(blank.category()), blank.toString());
  }

  @Test
  void categorizesFromManyThreadsAsFromOne() throws Exception {
    ComplaintCategorizer c = ComplaintCategorizer.trainOrLoad(Path.of("intents"), Path.of(".model-cache"),
        ComplaintCategorizer.defaultConfig(), s -> { });
    List<String> texts = List.of("app登录不上", "佣金收多咗", "the advisor was rude to me", "结构性产品亏了本金");
    List<ComplaintCategory> expected = texts.stream().map(c::categorize).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int k = i % texts.size();
        fs.add(pool.submit(() -> c.categorize(texts.get(k)).equals(expected.get(k))));
      }
      for (Future<Boolean> f : fs) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCategoryWithoutExamplesIsADataError() {
    List<Example> data = List.of(new Example("fees are too high", "fees", Language.EN, "fees.yml", 4));
    IntentDataException e = assertThrows(IntentDataException.class, () -> ComplaintCategorizer.checkEveryCategory(data));
    assertTrue(e.getMessage().contains("service_quality"), e.getMessage());
  }
}
