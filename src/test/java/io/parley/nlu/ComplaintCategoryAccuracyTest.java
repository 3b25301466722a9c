package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * How well the complaint categorizer generalises: 5-fold stratified cross-validation over
 * {@code intents/complaints} (the folds' seed is the engine's, 42), and messages written apart from the
 * training data ({@code src/test/resources/nlu/complaints-holdout.csv}: text,category,lang). Floors sit a few
 * points under the figures measured when they were set (see ENGINE.md, "Complaint categories"): a guard
 * against regressions in data or engine, not a target.
 */
class ComplaintCategoryAccuracyTest {

  /**
   * Measured on 651 examples (17:00 UTC): zh-Hans 0.9196, zh-Hant 0.9594, en 0.8039 (all 0.8863). Other fold
   * seeds move the figures by 1-3 points (seed 7: 0.9246, 0.9543, 0.8353), so the floors sit about 4 points below.
   */
  private static final Map<String, Double> CV_FLOOR = Map.of("zh-Hans", 0.88, "zh-Hant", 0.92, "en", 0.76);

  /**
   * Measured 36/39 = 0.923 (zh-Hans 13/13, zh-Hant 13/13, en 10/13) on 651 examples; 34/39 on the first data
   * (411) and after the first added round (555). The second round was written after the holdout's misses
   * were known (though none of its messages was copied or paraphrased), so the 36 is the less clean figure.
   * Still missed: two English {@code other} complaints (sales calls, branch facilities) and one English
   * system failure. One message is 2.6 points.
   */
  private static final double HOLDOUT_FLOOR = 0.85;

  @Test
  void crossValidatedAccuracyPerLanguage() {
    List<Example> data = new IntentDataLoader().loadComplaintCategories(Path.of("intents", ComplaintCategorizer.COMPLAINTS_DIR));
    List<IntentTrainer.HeldOut> heldOut = new IntentTrainer(ComplaintCategorizer.defaultConfig(), s -> { })
        .crossValidate(data, 5);
    assertEquals(data.size(), heldOut.size());
    Map<String, int[]> byLanguage = new TreeMap<>();
    for (IntentTrainer.HeldOut h : heldOut) {
      int[] n = byLanguage.computeIfAbsent(h.example().language().tag(), k -> new int[2]);
      n[1]++;
      if (h.scores().best().equals(h.example().label())) {
        n[0]++;
      }
    }
    System.out.println("complaint categories, 5-fold cross-validation: " + summary(byLanguage));
    assertEquals(CV_FLOOR.keySet(), byLanguage.keySet());
    byLanguage.forEach((lang, n) -> assertTrue(n[0] >= CV_FLOOR.get(lang) * n[1],
        lang + " below its floor " + CV_FLOOR.get(lang) + ": " + summary(byLanguage)));
  }

  @Test
  void heldOutComplaintsWrittenApartFromTheTrainingData() throws IOException {
    ComplaintCategorizer categorizer = ComplaintCategorizer.trainOrLoad(Path.of("intents"), Path.of(".model-cache"),
        ComplaintCategorizer.defaultConfig(), s -> { });
    Path file = Path.of("src/test/resources/nlu/complaints-holdout.csv");
    Map<String, int[]> byLanguage = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int rows = 0;
    for (Csv.Row row : Csv.parse(Files.readString(file), file.toString())) {
      if (row.line() == 1) {
        assertEquals(List.of("text", "category", "lang"), row.fields());
        continue;
      }
      rows++;
      String expected = row.get(1);
      assertTrue(IntentIds.complaintCategories().contains(expected), row.toString());
      ComplaintCategory got = categorizer.categorize(row.get(0));
      int[] n = byLanguage.computeIfAbsent(row.get(2), k -> new int[2]);
      n[1]++;
      if (got.category().equals(expected)) {
        n[0]++;
      } else {
        misses.add(row.get(0) + " -> " + got.category() + String.format(" %.2f", got.confidence())
            + " (expected " + expected + ")");
      }
    }
    int right = byLanguage.values().stream().mapToInt(n -> n[0]).sum();
    System.out.println("complaint categories, holdout: " + summary(byLanguage) + "; misses: " + misses);
    assertEquals(Map.of("zh-Hans", 13, "zh-Hant", 13, "en", 13).keySet(), byLanguage.keySet());
    byLanguage.values().forEach(n -> assertTrue(n[1] >= 10, "at least 10 messages per language"));
    assertTrue(right >= HOLDOUT_FLOOR * rows, "holdout accuracy " + right + "/" + rows + " below " + HOLDOUT_FLOOR
        + "; misses: " + misses);
  }

  private static String summary(Map<String, int[]> byLanguage) {
    StringBuilder sb = new StringBuilder();
    int right = 0;
    int all = 0;
    for (Map.Entry<String, int[]> e : byLanguage.entrySet()) {
      int[] n = e.getValue();
      sb.append(String.format("%s %.4f (%d/%d), ", e.getKey(), n[0] / (double) n[1], n[0], n[1]));
      right += n[0];
      all += n[1];
    }
    return sb.append(String.format("all %.4f (%d/%d)", right / (double) all, right, all)).toString();
  }
}
