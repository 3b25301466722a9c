package io.parley.nlu.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers written without a unit or a price word, once everything marked has been taken:
 * <ul>
 *   <li>a decimal number (19.8) is a limit price;</li>
 *   <li>an integer right after the side word (先卖200, sell 500 ping an, 入 300) is the quantity;</li>
 *   <li>otherwise, with a quantity already known, the integer is the price (港股腾讯买200股 380); with a
 *       price or a market order known, it is the quantity; with neither, a multiple of the board
 *       lot (100 for A-shares) is a quantity and any other number a price;</li>
 *   <li>when the customer means the whole position (清仓, all), an integer is never the quantity.</li>
 * </ul>
 * Chinese numerals without 百, 千 or 万 (一开盘, 十分) and integers of more than six digits (account
 * numbers) are never used, and nothing is resolved in a message that names neither a side nor an
 * instrument (要50万资产吗).
 */
final class UnmarkedNumbers {

  private static final Lexicon FILLER_AFTER_SIDE = new Lexicon("入", "出", "进", "掉", "返", "番", "咗", "了", "多",
      "me", "my", "of", "the", "for");

  /** Resolves the leftover numbers; returns the quantity in shares found this way, or null. */
  Long resolve(Message m, QuantityExtractor.Quantity marked, int lotSize) {
    Long quantity = null;
    boolean haveQuantity = marked != null;
    List<Token> pending = new ArrayList<>();
    for (Token t : m.tokens()) {
      if (!t.isFree() || !t.isNumber()) {
        continue;
      }
      if (t.kind == Token.Kind.NUMBER && !t.isInteger()) {
        if (m.price == null && Message.isPlausiblePrice(t.value)) {
          m.price = t.value;
          t.role = Token.Role.PRICE;
        }
        continue;
      }
      if (t.kind == Token.Kind.CN_NUMBER && !hasUnitChar(t)) {
        continue; // 一开盘, 十分, 一下: too ambiguous without a unit
      }
      if ((t.kind == Token.Kind.NUMBER && !t.grouped && !t.scaled && t.text.length() > 6) || !t.isCountable()) {
        continue;
      }
      if (t.end < m.text.length() && m.text.charAt(t.end) == '的') {
        continue; // 买一百万的茅台: an amount of money, not shares
      }
      if (!haveQuantity && !m.wholePosition && rightAfterSide(m, t)) {
        quantity = t.value.longValueExact();
        haveQuantity = true;
        t.role = Token.Role.QUANTITY;
        continue;
      }
      pending.add(t);
    }
    for (Token t : pending) {
      boolean priceKnown = m.price != null || "market".equals(m.priceType);
      boolean quantityAllowed = !haveQuantity && !m.wholePosition;
      if (quantityAllowed && (priceKnown || looksLikeQuantity(t.value, lotSize))) {
        quantity = t.value.longValueExact();
        haveQuantity = true;
        t.role = Token.Role.QUANTITY;
      } else if (m.price == null && !"market".equals(m.priceType) && Message.isPlausiblePrice(t.value)) {
        m.price = t.value;
        t.role = Token.Role.PRICE;
      }
    }
    return quantity;
  }

  private static boolean looksLikeQuantity(BigDecimal v, int lotSize) {
    long n = v.longValue();
    return n >= lotSize && lotSize > 0 && n % lotSize == 0;
  }

  private static boolean hasUnitChar(Token t) {
    for (int i = 0; i < t.text.length(); i++) {
      if (ChineseNumerals.unit(t.text.charAt(i)) >= 100) {
        return true;
      }
    }
    return false;
  }

  /** The number follows a side word with at most a filler between: 卖200, sell 500, 买入 300, 沽返 400. */
  private static boolean rightAfterSide(Message m, Token t) {
    for (Message.SideMention s : m.sides) {
      int k = s.end();
      while (k < t.start) {
        char c = m.text.charAt(k);
        if (c == ' ') {
          k++;
          continue;
        }
        String filler = FILLER_AFTER_SIDE.matchAt(m.text, k);
        if (filler == null) {
          break;
        }
        k += filler.length();
      }
      if (k == t.start) {
        return true;
      }
    }
    return false;
  }
}
