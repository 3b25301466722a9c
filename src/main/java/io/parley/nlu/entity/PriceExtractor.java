package io.parley.nlu.entity;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prices and order type. A market order: 市价, 按市价, 现价, 对手价, market, mkt, at market, at best.
 * A limit price is a number with a price word before it (限价1800, 价格210, 挂19.8, @ 350.2, at 12.5,
 * limit 12.5, 每股118, $350, HKD 45) or a currency word after it (1800元, 36块, 70蚊, 45 HKD). Spoken
 * decimals: 七十八块五 = 78.5, 三块二 = 3.2, 5蚊6 = 5.6, 十二蚊半 = 12.5, 三块二毛五 = 3.25.
 * Amounts of money are not prices: 买5000元的茅台, 10万块, 价值/金额/worth 5000.
 */
final class PriceExtractor {

  private static final Lexicon MARKET = new Lexicon("市价单", "市价", "按市", "现价", "对手价", "最优价", "市场价", "不限价", "任何价", "随便什么价",
      "any price", "whatever price",
      "market order", "market price", "at market", "at mkt", "at the market", "at best", "market", "mkt");
  private static final Lexicon BEFORE = new Lexicon("限价单", "限价", "价格", "价钱", "价位", "单价", "价", "挂单", "挂",
      "@", "at", "limit price", "limit", "lmt", "price", "px", "每股", "以", "hk$", "us$", "$", "\u00A5", "hkd",
      "usd", "rmb", "cny", "人民币", "港币", "港元", "港纸", "报价", "limit at", "price at", "priced at", "for");
  private static final Lexicon AFTER = new Lexicon("元", "块钱", "块", "蚊", "港元", "港币", "美元", "美金", "刀", "hkd",
      "usd", "rmb", "dollars", "dollar", "bucks", "each", "per share", "一股", "每股");
  private static final Lexicon AMOUNT_BEFORE = new Lexicon("价值", "金额", "资金", "本金", "预算", "worth", "总共",
      "一共", "budget", "amount", "total");
  private static final Lexicon QUANTITY_UNITS = new Lexicon("股", "手", "张", "shares", "share", "shs", "sh", "lots",
      "lot");
  private static final String FILLERS = " :=是为在定设约";

  void extract(Message m) {
    String t = m.text;
    for (int i = 0; i < t.length(); i++) {
      String w = m.isClaimed(i) ? null : MARKET.matchAt(t, i);
      if (w != null && m.isFree(i, i + w.length())) {
        m.priceType = "market";
        break;
      }
    }
    List<Token> tokens = m.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token n = tokens.get(i);
      if (!n.isNumber() || !n.isFree()) {
        continue;
      }
      int afterEnd = skipSpaces(t, n.end);
      if (QUANTITY_UNITS.matchAt(t, afterEnd) != null) {
        continue;
      }
      String before = markerBefore(t, n.start);
      String after = AFTER.matchAt(t, afterEnd);
      if (after != null && (after.equals("一股") || after.equals("每股")) && before == null) {
        after = null;
      }
      if (before == null && after == null) {
        continue;
      }
      if (after == null && afterEnd < t.length() && "个只笔次下".indexOf(t.charAt(afterEnd)) >= 0) {
        continue; // 挂一个单: a count, not a price
      }
      if (isAmount(m, n, after)) {
        n.role = Token.Role.IGNORED;
        continue;
      }
      BigDecimal value = n.value;
      n.role = Token.Role.PRICE;
      if (after != null && (after.equals("块") || after.equals("蚊") || after.equals("元"))) {
        value = withSpokenDecimals(m, i, afterEnd + 1, value);
      }
      if (m.price == null && Message.isPlausiblePrice(value)) {
        m.price = value;
      }
      takeUpperEndOfRange(m, i);
    }
  }

  /** 七十八块五, 5蚊6, 十二蚊半, 三块二毛五: digits right after the currency word are tenths (and hundredths). */
  private static BigDecimal withSpokenDecimals(Message m, int i, int pos, BigDecimal whole) {
    List<Token> tokens = m.tokens();
    if (pos < m.text.length() && m.text.charAt(pos) == '半') {
      return whole.add(new BigDecimal("0.5"));
    }
    int k = i + 1;
    while (k < tokens.size() && tokens.get(k).start < pos) {
      k++;
    }
    if (k >= tokens.size() || tokens.get(k).start != pos) {
      return whole;
    }
    Token frac = tokens.get(k);
    String digits = fractionDigits(frac);
    if (digits == null || !frac.isFree() || QUANTITY_UNITS.matchAt(m.text, skipSpaces(m.text, frac.end)) != null) {
      return whole;
    }
    frac.role = Token.Role.PRICE;
    if (digits.length() == 1 && frac.end < m.text.length() && "毛角".indexOf(m.text.charAt(frac.end)) >= 0
        && k + 1 < tokens.size()) {
      Token cents = k + 2 < tokens.size() ? tokens.get(k + 2) : null;
      if (cents != null && cents.start == frac.end + 1 && fractionDigits(cents) != null
          && fractionDigits(cents).length() == 1) {
        cents.role = Token.Role.PRICE;
        digits = digits + fractionDigits(cents);
      }
    }
    return new BigDecimal(whole.toBigInteger() + "." + digits);
  }

  private static final Lexicon RANGE = new Lexicon("-", "~", "至", "到", "to", "and");

  /** 1700-1710, 380 至 385, between 12 and 12.5: the upper end is a price too, never a quantity. */
  private static void takeUpperEndOfRange(Message m, int i) {
    List<Token> tokens = m.tokens();
    int k = i + 1;
    while (k < tokens.size() && tokens.get(k).role == Token.Role.PRICE) {
      k++;
    }
    Token last = tokens.get(k - 1);
    int j = skipSpaces(m.text, last.end);
    String r = RANGE.matchAt(m.text, j);
    if (r == null) {
      return;
    }
    int next = skipSpaces(m.text, j + r.length());
    for (; k < tokens.size() && tokens.get(k).start <= next; k++) {
      Token t = tokens.get(k);
      if (t.start == next && t.isNumber() && t.isFree()
          && QUANTITY_UNITS.matchAt(m.text, skipSpaces(m.text, t.end)) == null) {
        t.role = Token.Role.PRICE;
      }
    }
  }

  private static String fractionDigits(Token t) {
    if (t.isPlainDigits() && t.text.length() <= 2) {
      return t.text;
    }
    if (t.kind == Token.Kind.CN_NUMBER && t.text.length() == 1 && ChineseNumerals.isDigitChar(t.text.charAt(0))) {
      return String.valueOf(ChineseNumerals.digit(t.text.charAt(0)));
    }
    return null;
  }

  private static boolean isAmount(Message m, Token n, String after) {
    if (n.scaled && n.value.compareTo(BigDecimal.valueOf(10_000)) >= 0 && after != null) {
      return true;
    }
    if (n.kind == Token.Kind.CN_NUMBER && n.text.contains("万") && after != null) {
      return true;
    }
    if (after != null) {
      int end = skipSpaces(m.text, n.end) + after.length();
      if (end < m.text.length() && m.text.charAt(end) == '的'
          && !(m.text.startsWith("的价", end) || m.text.startsWith("的时", end) || m.text.startsWith("的话", end))) {
        return true; // 买5000元的茅台 (but 以18.5元的价格 is a price)
      }
    }
    int k = n.start;
    while (k > 0 && FILLERS.indexOf(m.text.charAt(k - 1)) >= 0 && n.start - k < 3) {
      k--;
    }
    return AMOUNT_BEFORE.matchEndingAt(m.text, k) != null;
  }

  /** A price word right before a position, across a few filler characters (价格: 35, 限价 在 35). */
  private static String markerBefore(String t, int start) {
    int k = start;
    String found = BEFORE.matchEndingAt(t, k);
    while (found == null && k > 0 && FILLERS.indexOf(t.charAt(k - 1)) >= 0 && start - k < 3) {
      k--;
      found = BEFORE.matchEndingAt(t, k);
    }
    if ("价".equals(found) && k >= 2 && "市现".indexOf(t.charAt(k - 2)) >= 0) {
      return null; // 市价 / 现价 is a market order, not a price word
    }
    if ("for".equals(found) || "以".equals(found)) {
      return k == start || t.charAt(k) == ' ' ? found : null;
    }
    return found;
  }

  private static int skipSpaces(String s, int pos) {
    int j = pos;
    while (j < s.length() && s.charAt(j) == ' ' && j - pos < 1) {
      j++;
    }
    return j;
  }
}
