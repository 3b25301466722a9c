package io.parley.bot;

import io.parley.config.YamlFiles;
import io.parley.nlu.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words the engine reacts to whatever the intent engine says: cancelling a flow and fixing the
 * reply language ({@code cancel_words} and {@code language_switch} of {@code intents/flows/common.yml}).
 * A message matches when, without punctuation and spaces and in lower case, it equals one of them.
 */
public final class EngineVocabulary {

  private final Set<String> cancel;
  private final Map<String, Language> languageSwitch;

  public EngineVocabulary(Set<String> cancel, Map<String, Language> languageSwitch) {
    this.cancel = Set.copyOf(cancel);
    this.languageSwitch = Map.copyOf(languageSwitch);
  }

  /** Reads {@code intentsDir/flows/common.yml} (blocking: start-up). */
  public static EngineVocabulary load(Path intentsDir) {
    Path file = intentsDir.resolve("flows").resolve("common.yml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no " + file.toAbsolutePath());
    }
    if (!(YamlFiles.read(file) instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException(file + ": expected a mapping");
    }
    Set<String> cancel = new HashSet<>();
    if (!(root.get("cancel_words") instanceof List<?> words)) {
      throw new IllegalArgumentException(file + ": 'cancel_words' must be a list");
    }
    words.forEach(w -> cancel.add(key(String.valueOf(w))));
    Map<String, Language> switches = new HashMap<>();
    if (!(root.get("language_switch") instanceof Map<?, ?> byLang)) {
      throw new IllegalArgumentException(file + ": 'language_switch' must map a locale to a list");
    }
    for (Map.Entry<?, ?> e : byLang.entrySet()) {
      Language lang = Language.fromTag(String.valueOf(e.getKey())).orElseThrow(
          () -> new IllegalArgumentException(file + ": language_switch: unknown locale " + e.getKey()));
      if (!(e.getValue() instanceof List<?> list)) {
        throw new IllegalArgumentException(file + ": language_switch." + e.getKey() + " must be a list");
      }
      list.forEach(w -> switches.put(key(String.valueOf(w)), lang));
    }
    return new EngineVocabulary(cancel, switches);
  }

  /** Whether the message asks to cancel. */
  public boolean isCancel(String text) {
    return text != null && cancel.contains(key(text));
  }

  /** The language the message asks for, if it is a language switch. */
  public Optional<Language> languageSwitch(String text) {
    return text == null ? Optional.empty() : Optional.ofNullable(languageSwitch.get(key(text)));
  }

  private static String key(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return s.replaceAll("[\\p{P}\\p{S}\\s]+", "");
  }
}
