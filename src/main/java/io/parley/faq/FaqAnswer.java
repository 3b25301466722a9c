package io.parley.faq;

import io.parley.nlu.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer to one {@code faq_*} intent: its text per language, the intents offered next as quick
 * replies, when staff last reviewed it, and its review status ({@code needs_staff_review} for answers
 * compiled from general knowledge).
 */
public record FaqAnswer(String intent, Map<Language, String> text, List<String> followUps, LocalDate lastReviewed,
    String review) {

  public FaqAnswer {
    text = Map.copyOf(text);
    followUps = List.copyOf(followUps);
  }

  public String text(Language language) {
    return text.get(language);
  }
}
