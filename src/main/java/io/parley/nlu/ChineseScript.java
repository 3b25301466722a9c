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
    /**
     * Characters that change under ICU's Simplified to Traditional transliteration (开 -> 開): a text
     * with one is written in Simplified Chinese. Variants that only fold (眞 -> 真) do not count.
     */
    static final java.util.BitSet SIMPLIFIED_ONLY = simplifiedOnly();

    /**
     * Simplified forms that are also ordinary Traditional characters with a meaning of their own
     * (佣金, 皇后, 干戈, 公里, 台灣 ...): ICU maps them to one Traditional form out of context, so they
     * are no evidence of the script.
     */
    private static final String SHARED =
        "佣后干里台系只面制准冲征余谷丑斗松范舍卷朴仆困郁胡咸蒙曲划云才叶并弔彩御志念愿折据板柜沈注涂淀"
            + "秋签致表辟采几借克合向周姜家布幸吁";

    private static java.util.BitSet simplifiedOnly() {
      Transliterator s2t = Transliterator.getInstance("Simplified-Traditional");
      java.util.BitSet s = new java.util.BitSet(0x10000);
      for (int c = 0x2E80; c <= 0xFAFF; c++) {
        if (Character.isSurrogate((char) c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN
            || T2S[c] != c) {
          continue;
        }
        String t = s2t.transliterate(String.valueOf((char) c));
        if (t.length() == 1 && t.charAt(0) != c && SHARED.indexOf(c) < 0) {
          s.set(c);
        }
      }
      return s;
    }

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

  /**
   * True when the character is the Simplified form of a different Traditional character (开 for 開),
   * so a text with it is written in Simplified Chinese.
   */
  public static boolean isSimplifiedOnly(char c) {
    return c >= 0x2E80 && Table.SIMPLIFIED_ONLY.get(c);
  }

  /** True for a Han ideograph (CJK unified or compatibility), including supplementary planes. */
  public static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
