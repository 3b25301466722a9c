package io.parley.bot;

import io.parley.config.YamlFiles;
import io.parley.nlu.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The customer-facing texts of {@code intents/texts/*.yml}: a key, one string per language. Read once
 * at start-up; a key missing a language is an error naming the file and the key.
 */
public final class TextCatalog {

  private final Map<String, Map<Language, String>> texts;

  private TextCatalog(Map<String, Map<Language, String>> texts) {
    this.texts = texts;
  }

  /**
   * Reads every {@code *.yml} under {@code intentsDir/texts} and the {@code texts:} section of every
   * {@code *.yml} under {@code intentsDir/flows} (blocking: call at start-up).
   */
  public static TextCatalog load(Path intentsDir) {
    Path dir = intentsDir.resolve("texts");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no texts directory at " + dir.toAbsolutePath()
          + " (set intents.dir or run from the repository root)");
    }
    Map<String, Map<Language, String>> all = new LinkedHashMap<>();
    for (Path file : ymlFiles(dir)) {
      Object tree = YamlFiles.read(file);
      if (!(tree instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(file + ": expected a mapping of text keys");
      }
      addAll(file, map, all);
    }
    Path flows = intentsDir.resolve("flows");
    if (Files.isDirectory(flows)) {
      for (Path file : ymlFiles(flows)) {
        if (YamlFiles.read(file) instanceof Map<?, ?> map && map.get("texts") != null) {
          if (!(map.get("texts") instanceof Map<?, ?> texts)) {
            throw new IllegalArgumentException(file + ": 'texts' must be a mapping of text keys");
          }
          addAll(file, texts, all);
        }
      }
    }
    return new TextCatalog(all);
  }

  private static List<Path> ymlFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void addAll(Path file, Map<?, ?> map, Map<String, Map<Language, String>> all) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof Map<?, ?> byLang)) {
        throw new IllegalArgumentException(file + ": text '" + key + "' must map zh-Hans, zh-Hant and en to strings");
      }
      Map<Language, String> values = new EnumMap<>(Language.class);
      for (Language lang : Language.values()) {
        Object v = byLang.get(lang.tag());
        if (!(v instanceof String str) || str.isBlank()) {
          throw new IllegalArgumentException(file + ": text '" + key + "' has no " + lang.tag() + " string");
        }
        values.put(lang, str.strip());
      }
      if (all.put(key, values) != null) {
        throw new IllegalArgumentException(file + ": text '" + key + "' is defined twice");
      }
    }
  }

  /** Whether {@code key} exists. */
  public boolean has(String key) {
    return texts.containsKey(key);
  }

  /**
   * The text for {@code key} in {@code lang} with each {@code {name}} replaced by its value; an
   * unknown placeholder is left as it is so a data mistake shows in review rather than failing a turn.
   */
  public String text(String key, Language lang, Map<String, String> values) {
    String t = text(key, lang);
    for (Map.Entry<String, String> v : values.entrySet()) {
      t = t.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
    }
    return t;
  }

  /** The text for {@code key} in {@code lang}; an unknown key is a programming error. */
  public String text(String key, Language lang) {
    Map<Language, String> t = texts.get(key);
    if (t == null) {
      throw new IllegalArgumentException("no text '" + key + "' under intents/texts");
    }
    return t.get(lang);
  }
}
