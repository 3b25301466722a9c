package io.parley.nlu;

/**
 * The decision thresholds stored with a model.
 *
 * @param outOfScope       a message whose best intent has a lower probability is {@code out_of_scope};
 *                         0 when no threshold applies (no out-of-scope examples: closed set)
 * @param ambiguityMargin  when the two best intents' probabilities differ by less, the result is ambiguous
 */
public record Thresholds(double outOfScope, double ambiguityMargin) {

  public static final double DEFAULT_MARGIN = 0.1;

  public static Thresholds none() {
    return new Thresholds(0.0, DEFAULT_MARGIN);
  }
}
