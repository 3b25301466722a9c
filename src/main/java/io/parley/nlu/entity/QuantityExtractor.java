package io.parley.nlu.entity;

import java.util.List;
import java.util.Map;

/**
 * Quantities written with a unit: shares (股, 张, shares, sh) or lots (手, lots). The number may be
 * Arabic ({@code 100}, {@code 1,000}, {@code 1万}, {@code 10k}), Chinese ({@code 五百}, {@code 两},
 * {@code 一千二}, {@code 三千五百}) or English words ({@code one lot}, {@code two thousand shares}).
 * A number that describes what the customer holds (我有400股, I have 800 shares) is not the order's
 * quantity. Lots become shares later, once the instrument (and so the board lot) is known.
 */
final class QuantityExtractor {

  private static final Lexicon SHARE_UNITS = new Lexicon("股", "张", "shares", "share", "shs", "sh", "stocks");
  private static final Lexicon LOT_UNITS = new Lexicon("手", "lots", "lot", "board lots", "board lot");
  private static final Lexicon HOLDING = new Lexicon("有", "持有", "持仓", "仓位", "总共", "一共", "have", "hold",
      "holding", "own", "got", "剩", "剩下");
  private static final Map<String, Integer> ENGLISH = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("a", 1),
      Map.entry("hundred", 100), Map.entry("thousand", 1000));

  /** The quantity found: a number of shares or of lots. */
  record Quantity(long amount, boolean lots) {
  }

  Quantity extract(Message m) {
    List<Token> tokens = m.tokens();
    Quantity found = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean number = t.isNumber() && t.isFree() && t.isCountable();
      boolean english = t.kind == Token.Kind.WORD && t.isFree() && ENGLISH.containsKey(t.text);
      if (!number && !english) {
        continue;
      }
      int last = i;
      long value;
      if (english) {
        while (last + 1 < tokens.size() && tokens.get(last + 1).kind == Token.Kind.WORD
            && ENGLISH.containsKey(tokens.get(last + 1).text)) {
          last++;
        }
        value = english(tokens.subList(i, last + 1));
        if (last == i && t.text.equals("a")) {
          continue; // "a lot of" is not one lot
        }
      } else {
        value = t.value.longValueExact();
      }
      if (number && found == null && isMarkedAsQuantity(m, t)) {
        t.role = Token.Role.QUANTITY;
        found = new Quantity(value, false); // 数量: 200, qty 150
        continue;
      }
      Token unit = last + 1 < tokens.size() ? tokens.get(last + 1) : null;
      if (unit == null || !unit.isFree() || !m.onlySpacesBetween(tokens.get(last).end, unit.start, 2) || value <= 0) {
        i = last;
        continue;
      }
      boolean lots = isUnit(LOT_UNITS, m, unit);
      boolean shares = !lots && isUnit(SHARE_UNITS, m, unit);
      if (!lots && !shares) {
        i = last;
        continue;
      }
      if (shares && unit.text.equals("张") && m.text.startsWith("张单", unit.start)) {
        continue;
      }
      for (int k = i; k <= last + 1; k++) {
        tokens.get(k).role = k <= last ? Token.Role.QUANTITY : Token.Role.UNIT;
      }
      if (isHolding(m, t.start)) {
        for (int k = i; k <= last; k++) {
          tokens.get(k).role = Token.Role.IGNORED;
        }
      } else if (found == null) {
        found = new Quantity(value, lots);
      }
      i = last + 1;
    }
    return found;
  }

  private static final Lexicon QUANTITY_WORDS = new Lexicon("数量", "股数", "qty", "quantity", "shares", "no. of shares",
      "number of shares");

  /** A quantity word right before the number (数量: 200, qty 150), and no unit after it. */
  private static boolean isMarkedAsQuantity(Message m, Token t) {
    int k = t.start;
    while (k > 0 && " :=是为".indexOf(m.text.charAt(k - 1)) >= 0 && t.start - k < 3) {
      k--;
    }
    if (k == t.start || QUANTITY_WORDS.matchEndingAt(m.text, k) == null) {
      return false;
    }
    int j = t.end;
    while (j < m.text.length() && m.text.charAt(j) == ' ') {
      j++;
    }
    return SHARE_UNITS.matchAt(m.text, j) == null && LOT_UNITS.matchAt(m.text, j) == null;
  }

  private static boolean isUnit(Lexicon units, Message m, Token unit) {
    String u = units.matchAt(m.text, unit.start);
    return u != null && u.length() >= unit.text.length();
  }

  private static boolean isHolding(Message m, int start) {
    int k = start;
    while (k > 0 && m.text.charAt(k - 1) == ' ' && start - k < 1) {
      k--;
    }
    return HOLDING.matchEndingAt(m.text, k) != null;
  }

  static long english(List<Token> words) {
    long total = 0;
    long current = 0;
    for (Token w : words) {
      int v = ENGLISH.get(w.text);
      if (v == 100) {
        current = Math.max(current, 1) * 100;
      } else if (v == 1000) {
        total += Math.max(current, 1) * 1000;
        current = 0;
      } else {
        current += v;
      }
    }
    return total + current;
  }
}
