package io.parley.faq;

import io.parley.config.YamlFiles;
import io.parley.nlu.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The FAQ answers: the {@code answer} section of every {@code intents/faq_*.yml}. Read once at
 * start-up; an answer missing a language, with an unknown follow-up intent or without a review date
 * is an error naming the file.
 */
public final class KnowledgeBase {

  private final Map<String, FaqAnswer> answers;

  private KnowledgeBase(Map<String, FaqAnswer> answers) {
    this.answers = answers;
  }

  /** Reads the answers under {@code intentsDir} (blocking: call at start-up). */
  public static KnowledgeBase load(Path intentsDir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(intentsDir)) {
      files = s.filter(p -> p.getFileName().toString().matches("faq_[a-z_]+\\.yml")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + intentsDir + ": " + e.getMessage(), e);
    }
    Map<String, FaqAnswer> all = new LinkedHashMap<>();
    for (Path file : files) {
      String intent = file.getFileName().toString().replace(".yml", "");
      Map<?, ?> answer = answerSection(file);
      if (answer == null) {
        throw new IllegalArgumentException(file + ": no answer section");
      }
      Map<Language, String> text = new EnumMap<>(Language.class);
      Object byLang = answer.get("text");
      for (Language l : Language.values()) {
        Object t = byLang instanceof Map<?, ?> m ? m.get(l.tag()) : null;
        if (!(t instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException(file + ": answer.text has no " + l.tag() + " text");
        }
        text.put(l, s.strip());
      }
      List<String> followUps = new ArrayList<>();
      if (answer.get("quick_replies") instanceof List<?> qr) {
        for (Object o : qr) {
          String id = String.valueOf(o);
          if (!Files.isRegularFile(intentsDir.resolve(id + ".yml"))) {
            throw new IllegalArgumentException(file + ": answer.quick_replies names an unknown intent: " + id);
          }
          followUps.add(id);
        }
      }
      Object reviewed = answer.get("last_reviewed");
      LocalDate date;
      try {
        date = reviewed instanceof java.util.Date d
            ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate() : LocalDate.parse(String.valueOf(reviewed));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + ": answer.last_reviewed must be a date (YYYY-MM-DD)");
      }
      all.put(intent, new FaqAnswer(intent, text, followUps, date, String.valueOf(answer.get("review"))));
    }
    return new KnowledgeBase(all);
  }

  private static Map<?, ?> answerSection(Path file) {
    Object tree = YamlFiles.read(file);
    return tree instanceof Map<?, ?> m && m.get("answer") instanceof Map<?, ?> a ? a : null;
  }

  /** The answer for a {@code faq_*} intent, if there is one. */
  public Optional<FaqAnswer> answer(String intent) {
    return Optional.ofNullable(answers.get(intent));
  }

  /** Every answer, by intent. */
  public Map<String, FaqAnswer> all() {
    return Map.copyOf(answers);
  }
}
