package io.parley.nlu;

import java.util.List;

/**
 * Chooses the out-of-scope threshold and the ambiguity margin from held-out scores.
 *
 * <p>Out-of-scope rule (only when the training data has out-of-scope examples): the threshold on the
 * best intent's probability and the out_of_scope class margin that maximise in-scope accuracy +
 * oosWeight x out-of-scope recall on the held-out examples (see {@link EngineConfig#oosWeight()}).
 *
 * <p>Ambiguity margin: among accepted in-scope predictions, "ambiguous" should flag the wrong ones;
 * the margin in 0.00..0.50 that maximises (share of wrong predictions flagged) - (share of right
 * ones flagged), with at most 10% of right ones flagged.
 */
public final class ThresholdTuner {

  static final double MAX_RIGHT_FLAGGED = 0.10;

  private ThresholdTuner() {}

  public static Thresholds tune(List<IntentTrainer.HeldOut> heldOut, boolean hasOutOfScope, double oosWeight) {
    Thresholds t = hasOutOfScope ? tuneOutOfScope(heldOut, oosWeight) : new Thresholds(0, 0, 0);
    return t.withAmbiguityMargin(tuneMargin(heldOut, t));
  }

  /**
   * Grid search over the threshold on the best intent's probability (0.00..0.95) and the out_of_scope
   * class margin (-0.30..0.60), maximising in-scope accuracy + oosWeight x out-of-scope recall; on ties
   * the smallest threshold, then the margin nearest 0.
   */
  static Thresholds tuneOutOfScope(List<IntentTrainer.HeldOut> heldOut, double oosWeight) {
    Thresholds best = new Thresholds(0, 0, 0);
    double bestObjective = -1;
    for (int step = 0; step <= 95; step++) {
      for (int m : MARGIN_ORDER) {
        Thresholds th = new Thresholds(step / 100.0, m / 100.0, 0);
        double objective = inScopeAccuracy(heldOut, th) + oosWeight * outOfScopeRecall(heldOut, th);
        if (objective > bestObjective + 1e-9) {
          bestObjective = objective;
          best = th;
        }
      }
    }
    return best;
  }

  /** Class margins to try, in percent, nearest 0 first (so ties keep the plain argmax rule). */
  private static final int[] MARGIN_ORDER = {0, 5, -5, 10, -10, 15, -15, 20, -20, 25, -25, 30, -30, 40, 50, 60};

  static double tuneMargin(List<IntentTrainer.HeldOut> heldOut, Thresholds oos) {
    double bestM = Thresholds.DEFAULT_MARGIN;
    double bestJ = Double.NEGATIVE_INFINITY;
    Thresholds th = oos.withAmbiguityMargin(0);
    for (int step = 0; step <= 50; step++) {
      double m = step / 100.0;
      int right = 0;
      int wrong = 0;
      int rightFlagged = 0;
      int wrongFlagged = 0;
      for (IntentTrainer.HeldOut h : heldOut) {
        if (IntentIds.OUT_OF_SCOPE.equals(h.example().label())) {
          continue;
        }
        Scores s = h.scores();
        String d = s.decide(th);
        if (IntentIds.OUT_OF_SCOPE.equals(d)) {
          continue;
        }
        boolean flagged = s.second() != null && s.pBest() - s.pSecond() < m;
        if (d.equals(h.example().label())) {
          right++;
          rightFlagged += flagged ? 1 : 0;
        } else {
          wrong++;
          wrongFlagged += flagged ? 1 : 0;
        }
      }
      if (right == 0 || wrong == 0) {
        return Thresholds.DEFAULT_MARGIN;
      }
      double fpr = (double) rightFlagged / right;
      double tpr = (double) wrongFlagged / wrong;
      if (fpr > MAX_RIGHT_FLAGGED) {
        break;
      }
      if (tpr - fpr > bestJ + 1e-12) {
        bestJ = tpr - fpr;
        bestM = m;
      }
    }
    return bestM;
  }

  public static double inScopeAccuracy(List<IntentTrainer.HeldOut> heldOut, Thresholds t) {
    int n = 0;
    int ok = 0;
    for (IntentTrainer.HeldOut h : heldOut) {
      String gold = h.example().label();
      if (!IntentIds.OUT_OF_SCOPE.equals(gold)) {
        n++;
        ok += gold.equals(h.scores().decide(t)) ? 1 : 0;
      }
    }
    return n == 0 ? 0 : (double) ok / n;
  }

  public static double outOfScopeRecall(List<IntentTrainer.HeldOut> heldOut, Thresholds t) {
    int n = 0;
    int ok = 0;
    for (IntentTrainer.HeldOut h : heldOut) {
      if (IntentIds.OUT_OF_SCOPE.equals(h.example().label())) {
        n++;
        ok += IntentIds.OUT_OF_SCOPE.equals(h.scores().decide(t)) ? 1 : 0;
      }
    }
    return n == 0 ? 0 : (double) ok / n;
  }

  /** In-scope accuracy and out-of-scope recall at a few thresholds, for the eval report. */
  public static String curve(List<IntentTrainer.HeldOut> heldOut) {
    long in = heldOut.stream().filter(h -> !IntentIds.OUT_OF_SCOPE.equals(h.example().label())).count();
    long closedOk = heldOut.stream().filter(h -> h.example().label().equals(h.scores().best())).count();
    StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
        "in-scope accuracy ignoring out_of_scope (class and threshold) on the tuning data: %.4f%n", in == 0 ? 0.0 : (double) closedOk / in));
    sb.append("threshold curve on the tuning data (threshold: in_scope_accuracy oos_recall):");
    for (int step = 0; step <= 90; step += 5) {
      Thresholds t = new Thresholds(step / 100.0, 0, 0);
      sb.append(String.format(java.util.Locale.ROOT, "%n  %.2f: %.4f %.4f", t.outOfScope(), inScopeAccuracy(heldOut, t),
          outOfScopeRecall(heldOut, t)));
    }
    return sb.toString();
  }
}
