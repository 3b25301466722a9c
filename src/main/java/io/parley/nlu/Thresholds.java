package io.parley.nlu;

/**
 * The decision thresholds stored with a model.
 *
 * @param outOfScope      a message whose best intent has a lower probability is {@code out_of_scope};
 *                        0 when no threshold applies (no out-of-scope examples: closed set)
 * @param oosClassMargin  a message is {@code out_of_scope} when the trained out_of_scope class beats the best
 *                        intent by at least this much (0: whenever it is more probable; a positive value
 *                        makes the class less greedy, a negative one more)
 * @param ambiguityMargin when the two best intents' probabilities differ by less, the result is ambiguous
 */
public record Thresholds(double outOfScope, double oosClassMargin, double ambiguityMargin) {

  public static final double DEFAULT_MARGIN = 0.1;

  public static Thresholds none() {
    return new Thresholds(0.0, 0.0, DEFAULT_MARGIN);
  }

  public Thresholds withAmbiguityMargin(double m) {
    return new Thresholds(outOfScope, oosClassMargin, m);
  }
}
