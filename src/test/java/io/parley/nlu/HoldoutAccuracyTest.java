package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped model (trained from {@code intents/} with the default settings) on messages written
 * apart from the training data by someone who did not write it: src/test/resources/nlu/holdout.csv,
 * a handful per intent and language (CSV: text,label,lang). A regression guard on generalisation, not the acceptance figure.
 */
class HoldoutAccuracyTest {

  @Test
  void theShippedModelRecognisesMessagesItNeverSaw() throws IOException {
    IntentModel model = IntentTrainer.trainOrLoad(Path.of("intents"), Path.of(".model-cache"),
        EngineConfig.defaults(), line -> { });
    IntentClassifier classifier = new OpenNlpIntentClassifier(model);
    List<String[]> rows = new ArrayList<>();
    for (Csv.Row row : Csv.parse(java.nio.file.Files.readString(Path.of("src/test/resources/nlu/holdout.csv")), "holdout.csv")) {
      if (row.line() > 1) {
        rows.add(row.fields().toArray(String[]::new));
      }
    }
    assertEquals(169, rows.size());
    Map<String, int[]> byLanguage = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (String[] r : rows) {
      String got = classifier.classify(r[0]).intent();
      int[] n = byLanguage.computeIfAbsent(r[2], k -> new int[2]);
      n[1]++;
      if (got.equals(r[1])) {
        n[0]++;
      } else {
        misses.add(r[0] + " -> " + got + " (expected " + r[1] + ")");
      }
    }
    int right = byLanguage.values().stream().mapToInt(n -> n[0]).sum();
    System.out.printf("holdout accuracy %.4f (%d/%d); misses: %s%n", right / (double) rows.size(), right, rows.size(), misses);
    assertTrue(right >= 0.95 * rows.size(), "holdout accuracy below 0.95; misses: " + misses);
    byLanguage.forEach((lang, n) -> assertTrue(n[0] >= 0.90 * n[1], lang + ": " + n[0] + "/" + n[1] + " " + misses));
  }
}
