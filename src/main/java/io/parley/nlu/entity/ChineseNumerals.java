package io.parley.nlu.entity;

/**
 * Chinese numerals as customers write them: 五百, 一千二百, 两万, 三十五, and the colloquial
 * elision 一千二 (= 1200), 两万五 (= 25000), 一百五 (= 150). A run of bare digits without any
 * unit (六零零五一九) reads digit by digit. Works on folded (Simplified) text, so 兩 and 萬 arrive as
 * 两 and 万.
 */
final class ChineseNumerals {

  private ChineseNumerals() {
  }

  static boolean isNumeralChar(char c) {
    return digit(c) >= 0 || unit(c) > 0;
  }

  static boolean isDigitChar(char c) {
    return digit(c) >= 0;
  }

  static int digit(char c) {
    switch (c) {
      case '零': case '〇': return 0;
      case '一': case '壹': return 1;
      case '二': case '两': case '贰': return 2;
      case '三': case '叁': return 3;
      case '四': case '肆': return 4;
      case '五': case '伍': return 5;
      case '六': case '陆': return 6;
      case '七': case '柒': return 7;
      case '八': case '捌': return 8;
      case '九': case '玖': return 9;
      default: return -1;
    }
  }

  static long unit(char c) {
    switch (c) {
      case '十': case '拾': return 10;
      case '百': case '佰': return 100;
      case '千': case '仟': return 1000;
      case '万': return 10_000;
      case '亿': return 100_000_000;
      default: return 0;
    }
  }

  /** The value of a run of numeral characters, or -1 when it is not a well-formed number. */
  static long parse(CharSequence s) {
    if (s.length() == 0) {
      return -1;
    }
    boolean hasUnit = false;
    for (int i = 0; i < s.length(); i++) {
      if (unit(s.charAt(i)) > 0) {
        hasUnit = true;
      } else if (digit(s.charAt(i)) < 0) {
        return -1;
      }
    }
    if (!hasUnit) {
      long v = 0;
      for (int i = 0; i < s.length(); i++) {
        v = v * 10 + digit(s.charAt(i));
      }
      return s.length() > 12 ? -1 : v;
    }
    long total = 0;
    long section = 0;
    long number = 0;
    boolean pending = false;
    long lastUnit = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        if (pending && d != 0) {
          return -1; // two digits in a row (三五百) is not a number
        }
        if (d == 0) {
          lastUnit = 0; // 一万零五: no elision after 零
          pending = false;
          number = 0;
          continue;
        }
        number = d;
        pending = true;
        continue;
      }
      long u = unit(c);
      if (u >= 10_000) {
        long part = section + number;
        if (part == 0 && total == 0) {
          part = 1; // 万 alone
        }
        total = u == 10_000 ? total + part * u : (total + part) * u;
        section = 0;
      } else {
        if (!pending && u == 10) {
          number = 1; // 十五 = 15
        } else if (!pending) {
          return -1; // 百 or 千 without a digit
        }
        section += number * u;
      }
      number = 0;
      pending = false;
      lastUnit = u;
      if (total > 1_000_000_000_000L || section > 1_000_000_000_000L) {
        return -1; // 万万万...: not a number anyone means
      }
    }
    if (pending) {
      section += lastUnit >= 100 ? number * (lastUnit / 10) : number;
    }
    return total + section;
  }
}
