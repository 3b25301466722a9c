package io.parley.nlu;

import java.util.List;

/**
 * The category the {@link ComplaintCategorizer} gives a complaint. A suggestion: the agent who handles the
 * complaint may correct it.
 *
 * @param category     the most probable complaint category (one of {@link IntentIds#complaintCategories()};
 *                     {@code other} is an ordinary category, there is no "none")
 * @param confidence   its probability, 0-1
 * @param alternatives every other category with its probability, most probable first
 */
public record ComplaintCategory(String category, double confidence, List<Scored> alternatives) {

  public ComplaintCategory {
    alternatives = List.copyOf(alternatives);
  }

  /** A category and its probability. */
  public record Scored(String category, double probability) {}
}
