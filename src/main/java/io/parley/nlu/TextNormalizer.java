package io.parley.nlu;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normal form every feature is computed on: Unicode NFKC (which also turns full-width ASCII and
 * the ideographic space into their half-width forms), case folding, Traditional to Simplified folding,
 * and runs of white space collapsed to one space. Stateless and thread-safe.
 */
public final class TextNormalizer {

  public String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.toLowerCase(Locale.ROOT);
    s = ChineseScript.toSimplified(s);
    return collapseSpace(s);
  }

  private static String collapseSpace(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return s.contentEquals(sb) ? s : sb.toString();
  }
}
