package io.parley.nlu;

import java.util.Optional;

/** The languages Parley's customers write, with their BCP 47 tags as used in {@code intents/} files. */
public enum Language {
  ZH_HANS("zh-Hans"),
  ZH_HANT("zh-Hant"),
  EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  public static Optional<Language> fromTag(String tag) {
    for (Language l : values()) {
      if (l.tag.equals(tag)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return tag;
  }
}
