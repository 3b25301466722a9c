package io.parley.nlu;

/**
 * What a decision needs from the categorizer's output: the two best intents (out_of_scope excluded),
 * and the probability of the trained {@code out_of_scope} class (0 when the model has none).
 */
public record Scores(String best, double pBest, String second, double pSecond, double pOutOfScope) {

  public static Scores of(String[] labels, double[] probs) {
    String best = null;
    String second = null;
    double p1 = -1;
    double p2 = -1;
    double oos = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = probs[i];
      if (IntentIds.OUT_OF_SCOPE.equals(labels[i])) {
        oos = p;
      } else if (p > p1) {
        second = best;
        p2 = p1;
        best = labels[i];
        p1 = p;
      } else if (p > p2) {
        second = labels[i];
        p2 = p;
      }
    }
    if (best == null) {
      return new Scores(IntentIds.OUT_OF_SCOPE, 0, null, 0, oos);
    }
    return new Scores(best, p1, second, Math.max(p2, 0), oos);
  }

  /** The label chosen under these thresholds. */
  public String decide(Thresholds t) {
    if (pOutOfScope > 0 && pOutOfScope - pBest >= t.oosClassMargin() || pBest < t.outOfScope()) {
      return IntentIds.OUT_OF_SCOPE;
    }
    return best;
  }

  /** True when the decision is an intent and the runner-up is within the ambiguity margin. */
  public boolean ambiguous(Thresholds t) {
    return second != null && !IntentIds.OUT_OF_SCOPE.equals(decide(t)) && pBest - pSecond < t.ambiguityMargin();
  }
}
