package io.parley.nlu;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional to Simplified Chinese folding, character by character, derived once from ICU4J's
 * {@code Traditional-Simplified} transliterator.
 *
 * <p>The table covers the Basic Multilingual Plane's Han characters; it is built lazily on first use
 * (a few hundred milliseconds) and is then a plain array lookup, which is both thread-safe and far
 * faster than calling the transliterator for every message. The transliterator's few phrase-level
 * rules are not needed for character features.
 */
public final class ChineseScript {

  private ChineseScript() {}

  private static final class Table {
    static final char[] T2S = build();

    private static char[] build() {
      Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
      char[] table = new char[0x10000];
      for (int c = 0; c < table.length; c++) {
        table[c] = (char) c;
      }
      StringBuilder sb = new StringBuilder(2);
      for (int c = 0x2E80; c <= 0xFAFF; c++) {
        if (Character.isSurrogate((char) c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
          continue;
        }
        sb.setLength(0);
        sb.append((char) c);
        String s = t2s.transliterate(sb.toString());
        if (s.length() == 1 && s.charAt(0) != c) {
          table[c] = s.charAt(0);
        }
      }
      return table;
    }
  }

  /** Forces the table to be built now (e.g. during start-up rather than on the first message). */
  public static void warmUp() {
    toSimplified('\u958B');
  }

  /** The Simplified form of one UTF-16 unit (itself when it has none). */
  public static char toSimplified(char c) {
    return c < 0x2E80 ? c : Table.T2S[c];
  }

  /** The text with every Traditional character replaced by its Simplified form. */
  public static String toSimplified(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char s = toSimplified(c);
      if (s != c) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = s;
      }
    }
    return out == null ? text : new String(out);
  }

  /** True when the character is Traditional-only, i.e. it changes under Traditional to Simplified folding. */
  public static boolean isTraditionalOnly(char c) {
    return toSimplified(c) != c;
  }

  /** True for a Han ideograph (CJK unified or compatibility), including supplementary planes. */
  public static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
