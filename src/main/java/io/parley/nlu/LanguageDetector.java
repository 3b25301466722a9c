package io.parley.nlu;

/**
 * Per-message language guess: any Chinese character makes it Chinese, Traditional when one of them
 * is Traditional-only (it changes under ICU's Traditional to Simplified transliteration), Simplified
 * otherwise; no Chinese character at all means English. Stateless and thread-safe.
 */
public final class LanguageDetector {

  public Language detect(String text) {
    if (text == null) {
      return Language.EN;
    }
    boolean han = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (ChineseScript.isHan(cp)) {
        han = true;
        if (cp < 0x10000 && ChineseScript.isTraditionalOnly((char) cp)) {
          return Language.ZH_HANT;
        }
      }
      i += Character.charCount(cp);
    }
    return han ? Language.ZH_HANS : Language.EN;
  }

  /**
   * Like {@link #detect(String)}, but a Chinese text written only with characters both scripts
   * share (今朝, 下午) keeps the conversation's {@code previous} Chinese script instead of being taken
   * for Simplified.
   */
  public Language detect(String text, Language previous) {
    Language guess = detect(text);
    if (guess != Language.ZH_HANS || previous != Language.ZH_HANT) {
      return guess;
    }
    for (int i = 0; i < text.length(); i++) {
      if (ChineseScript.isSimplifiedOnly(text.charAt(i))) {
        return Language.ZH_HANS;
      }
    }
    return Language.ZH_HANT;
  }
}
