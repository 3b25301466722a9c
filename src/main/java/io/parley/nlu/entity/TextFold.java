package io.parley.nlu.entity;

import com.ibm.icu.text.Transliterator;

/**
 * Folds text for matching, one character for one character so that offsets in the folded text are
 * offsets in the original: full-width ASCII to ASCII (except the Chinese comma {@code ，}, which is
 * not a thousands separator), dashes to {@code -}, ASCII to lower case, and Traditional to Simplified
 * Chinese.
 *
 * <p>The Traditional-to-Simplified table is built once from ICU4J's {@code Traditional-Simplified}
 * transliterator, keeping every character that it maps to exactly one character (the few phrase-level
 * conversions are dropped). A table lookup is thread-safe and much faster than running the
 * transliterator on every message.
 */
final class TextFold {

  private static final char[] TABLE = buildTable();

  private TextFold() {
  }

  static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = TABLE[text.charAt(i)];
    }
    return new String(out);
  }

  private static char[] buildTable() {
    char[] table = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      table[c] = (char) c;
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      table[c] = (char) (c + 32);
    }
    for (int c = 0xFF01; c <= 0xFF5E; c++) {
      if (c != 0xFF0C) {
        char ascii = (char) (c - 0xFEE0);
        table[c] = ascii >= 'A' && ascii <= 'Z' ? (char) (ascii + 32) : ascii;
      }
    }
    table[0x3000] = ' ';
    table[0x00A0] = ' ';
    for (char dash : new char[] {'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'}) {
      table[dash] = '-';
    }
    table['\uFFE5'] = '\u00A5';
    table['\uFF04'] = '$';
    Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
    foldRange(t2s, table, 0x3400, 0x4DBF);
    foldRange(t2s, table, 0x4E00, 0x9FFF);
    foldRange(t2s, table, 0xF900, 0xFAFF);
    // Hong Kong variant forms the transliterator leaves alone (滙豐, 綫, 裏 ...)
    String variants = "滙汇綫线裏里衞卫峯峰鷄鸡啓启爲为僞伪眞真羣群纔才擡抬";
    for (int i = 0; i < variants.length(); i += 2) {
      if (table[variants.charAt(i)] == variants.charAt(i)) {
        table[variants.charAt(i)] = variants.charAt(i + 1);
      }
    }
    return table;
  }

  private static void foldRange(Transliterator t2s, char[] table, int from, int to) {
    for (int c = from; c <= to; c++) {
      String folded = t2s.transliterate(String.valueOf((char) c));
      if (folded.length() == 1) {
        table[c] = folded.charAt(0);
      }
    }
  }
}
