package io.parley.nlu;

import java.util.List;

/**
 * Chooses the out-of-scope threshold and the ambiguity margin from held-out scores.
 *
 * <p>Out-of-scope threshold (only when the training data has out-of-scope examples): the value in
 * 0.00..0.99 that maximises in-scope accuracy + out-of-scope recall on the held-out examples
 * (balanced: the out-of-scope rows are usually few), the smallest such value on ties.
 *
 * <p>Ambiguity margin: among accepted in-scope predictions, "ambiguous" should flag the wrong ones;
 * the margin in 0.00..0.50 that maximises (share of wrong predictions flagged) - (share of right
 * ones flagged), with at most 10% of right ones flagged.
 */
public final class ThresholdTuner {

  static final double MAX_RIGHT_FLAGGED = 0.10;

  private ThresholdTuner() {}

  public static Thresholds tune(List<IntentTrainer.HeldOut> heldOut, boolean hasOutOfScope) {
    double threshold = hasOutOfScope ? tuneOutOfScope(heldOut) : 0.0;
    return new Thresholds(threshold, tuneMargin(heldOut, threshold));
  }

  static double tuneOutOfScope(List<IntentTrainer.HeldOut> heldOut) {
    double bestT = 0;
    double bestObjective = -1;
    for (int step = 0; step < 100; step++) {
      double t = step / 100.0;
      Thresholds th = new Thresholds(t, 0);
      double objective = inScopeAccuracy(heldOut, th) + outOfScopeRecall(heldOut, th);
      if (objective > bestObjective + 1e-12) {
        bestObjective = objective;
        bestT = t;
      }
    }
    return bestT;
  }

  static double tuneMargin(List<IntentTrainer.HeldOut> heldOut, double threshold) {
    double bestM = Thresholds.DEFAULT_MARGIN;
    double bestJ = Double.NEGATIVE_INFINITY;
    Thresholds th = new Thresholds(threshold, 0);
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
}
