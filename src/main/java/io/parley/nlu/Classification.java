package io.parley.nlu;

import java.util.List;

/**
 * The result of classifying one message.
 *
 * @param intent     the best intent id, or {@code out_of_scope} when the message fits no intent
 * @param confidence the probability of that intent (for {@code out_of_scope}: 1 minus the best intent's)
 * @param ambiguous  empty, or the competing intent ids (best first) when the two best are too close
 * @param top        the best intents with their probabilities, best first (at most three)
 */
public record Classification(String intent, double confidence, List<String> ambiguous, List<Scored> top) {

  public record Scored(String intent, double probability) {}

  public boolean outOfScope() {
    return IntentIds.OUT_OF_SCOPE.equals(intent);
  }

  public boolean isAmbiguous() {
    return !ambiguous.isEmpty();
  }
}
