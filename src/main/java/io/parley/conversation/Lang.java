package io.parley.conversation;

import java.util.Optional;

/** The three languages Parley speaks, by their BCP 47 tags. */
public enum Lang {
  ZH_HANS("zh-Hans"), ZH_HANT("zh-Hant"), EN("en");

  private final String tag;

  Lang(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  public static Optional<Lang> fromTag(String tag) {
    for (Lang l : values()) {
      if (l.tag.equals(tag)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
