package io.parley.flow;

/** The port to the complaint-category model (categories of spec/intents.md: service_quality ...). */
@FunctionalInterface
public interface ComplaintCategories {

  /** The most likely category of a complaint text, with the model's confidence. */
  Guess guess(String complaintText);

  /** A category and how sure the model is (0..1); staff may correct it later. */
  record Guess(String category, double confidence) {
  }
}
