package io.parley.nlu.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a folded message into tokens. Characters already claimed (e-mail addresses, instrument
 * names) act as separators and produce no token, so that 五 in 五粮液 is not read as a number.
 *
 * <p>Numbers: {@code 1800}, {@code 19.8}, {@code 1,000} (groups of exactly three digits after a
 * first group of one to three), multipliers written right after them ({@code 1万}, {@code 3千},
 * {@code 10k}), Chinese numerals ({@code 一千二}), and a spoken decimal with 点 when a currency
 * word follows ({@code 十二点五元}).
 */
final class Tokenizer {

  private Tokenizer() {
  }

  static List<Token> tokenize(String s, boolean[] blocked) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (blocked[i] || Character.isWhitespace(c)) {
        i++;
      } else if (isDigit(c)) {
        i = readNumber(s, blocked, i, out);
      } else if (Lexicon.isAsciiLetter(c)) {
        int j = i;
        while (j < n && !blocked[j] && Lexicon.isAsciiLetter(s.charAt(j))) {
          j++;
        }
        out.add(new Token(Token.Kind.WORD, i, j, s.substring(i, j), null, false, false));
        i = j;
      } else if (ChineseNumerals.isNumeralChar(c)) {
        i = readChineseNumber(s, blocked, i, out);
      } else {
        Token.Kind kind = Character.isLetter(c) ? Token.Kind.CJK : Token.Kind.SYMBOL;
        out.add(new Token(kind, i, i + 1, String.valueOf(c), null, false, false));
        i++;
      }
    }
    return out;
  }

  private static int readNumber(String s, boolean[] blocked, int start, List<Token> out) {
    int n = s.length();
    int i = digitsEnd(s, blocked, start);
    boolean grouped = false;
    if (i - start <= 3) {
      while (i + 4 <= n && s.charAt(i) == ',' && digitsEnd(s, blocked, i + 1) == i + 4) {
        i += 4;
        grouped = true;
      }
    }
    if (i + 1 < n && s.charAt(i) == '.' && !blocked[i + 1] && isDigit(s.charAt(i + 1))) {
      i = digitsEnd(s, blocked, i + 1);
    }
    String text = s.substring(start, i);
    BigDecimal value = new BigDecimal(text.replace(",", ""));
    // 12点5元: a spoken decimal point, only when a currency word follows
    if (i + 1 < n && s.charAt(i) == '点' && isDigit(s.charAt(i + 1)) && text.indexOf('.') < 0) {
      int j = digitsEnd(s, blocked, i + 1);
      if ((j < n && isCurrencyChar(s.charAt(j))) || priceMarkerBefore(s, start)) {
        value = new BigDecimal(text + "." + s.substring(i + 1, j));
        out.add(new Token(Token.Kind.NUMBER, start, j, s.substring(start, j), value, grouped, false));
        return j;
      }
    }
    boolean scaled = false;
    if (i < n && !blocked[i]) {
      char m = s.charAt(i);
      long unit = m == '万' || m == '千' || m == '百' || m == '亿' ? ChineseNumerals.unit(m) : 0;
      if (m == 'k' && (i + 1 >= n || !Lexicon.isAsciiLetter(s.charAt(i + 1)))) {
        unit = 1000;
      }
      if (unit > 0) {
        value = value.multiply(BigDecimal.valueOf(unit));
        scaled = true;
        i++;
      }
    }
    out.add(new Token(Token.Kind.NUMBER, start, i, s.substring(start, i), value, grouped, scaled));
    return i;
  }

  private static int readChineseNumber(String s, boolean[] blocked, int start, List<Token> out) {
    int n = s.length();
    int i = start;
    while (i < n && !blocked[i] && ChineseNumerals.isNumeralChar(s.charAt(i))) {
      i++;
    }
    long whole = ChineseNumerals.parse(s.substring(start, i));
    if (whole < 0) {
      for (int k = start; k < i; k++) {
        out.add(new Token(Token.Kind.CJK, k, k + 1, String.valueOf(s.charAt(k)), null, false, false));
      }
      return i;
    }
    BigDecimal value = BigDecimal.valueOf(whole);
    int end = i;
    // 十二点五元: a spoken decimal point, only when a currency word follows
    if (i + 1 < n && s.charAt(i) == '点' && ChineseNumerals.isDigitChar(s.charAt(i + 1))) {
      int j = i + 1;
      StringBuilder frac = new StringBuilder();
      while (j < n && !blocked[j] && ChineseNumerals.isDigitChar(s.charAt(j))) {
        frac.append(ChineseNumerals.digit(s.charAt(j)));
        j++;
      }
      if ((j < n && isCurrencyChar(s.charAt(j))) || priceMarkerBefore(s, start)) {
        value = new BigDecimal(whole + "." + frac);
        end = j;
      }
    }
    out.add(new Token(Token.Kind.CN_NUMBER, start, end, s.substring(start, end), value, false, false));
    return end;
  }

  private static int digitsEnd(String s, boolean[] blocked, int i) {
    while (i < s.length() && !blocked[i] && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** 价 (限价, 价格), 挂 or @ right before a number: 点 in 限价十二点五 is a decimal point. */
  private static boolean priceMarkerBefore(String s, int start) {
    int k = start - 1;
    while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == ':')) {
      k--;
    }
    return k >= 0 && (s.charAt(k) == '价' || s.charAt(k) == '挂' || s.charAt(k) == '@' || s.charAt(k) == '格');
  }

  private static boolean isCurrencyChar(char c) {
    return c == '元' || c == '块' || c == '蚊';
  }
}
