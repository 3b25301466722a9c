package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped model (trained from {@code intents/} with the default settings) on messages written
 * apart from the training data (CSV: text,label,lang), never copied into {@code intents/}:
 * <ul>
 *   <li>{@code holdout.csv}: a handful per intent and language, by someone who did not write the examples;</li>
 *   <li>{@code blind.csv}: 7 per intent and language plus 90 out of scope, written from the taxonomy alone
 *       by a writer who saw neither the examples nor the lexicon (170 of its short lines, such as "hi" and
 *       "thx", happen to equal a training example);</li>
 *   <li>{@code blind-chat.csv}: 5 per intent and language plus 30 out of scope, written the same way but
 *       harder: long rambling messages with context, one-word ones, typos, Cantonese and mainland slang,
 *       code-switching, emotion.</li>
 * </ul>
 * A regression guard on generalisation, not the acceptance figure.
 */
class HoldoutAccuracyTest {

  @ParameterizedTest
  @CsvSource({"holdout.csv, 169, 0.95, 0.90", "blind.csv, 720, 0.97, 0.95", "blind-chat.csv, 480, 0.96, 0.94"})
  void theShippedModelRecognisesMessagesItNeverSaw(String file, int size, double floor, double languageFloor)
      throws IOException {
    IntentModel model = IntentTrainer.trainOrLoad(Path.of("intents"), Path.of(".model-cache"),
        EngineConfig.defaults(), line -> { });
    IntentClassifier classifier = new OpenNlpIntentClassifier(model);
    List<String[]> rows = new ArrayList<>();
    for (Csv.Row row : Csv.parse(java.nio.file.Files.readString(Path.of("src/test/resources/nlu", file)), file)) {
      if (row.line() > 1) {
        rows.add(row.fields().toArray(String[]::new));
      }
    }
    assertEquals(size, rows.size());
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
    System.out.printf("%s accuracy %.4f (%d/%d); misses: %s%n", file, right / (double) rows.size(), right, rows.size(),
        misses);
    assertTrue(right >= floor * rows.size(), file + " accuracy below " + floor + "; misses: " + misses);
    byLanguage.forEach((lang, n) -> assertTrue(n[0] >= languageFloor * n[1],
        file + " " + lang + ": " + n[0] + "/" + n[1] + " " + misses));
  }
}
