package io.parley.nlu.entity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The instrument, as a code. In order of precedence:
 * <ol>
 *   <li>a code with its market written on it: {@code sh600519}, {@code SZ000001}, {@code 600519.SH},
 *       {@code 0700.HK} and {@code 700.HK} (→ 00700), {@code HK00700}, {@code $AAPL}, {@code NIO.US};</li>
 *   <li>a bare code: six digits with an A-share prefix (600519, 000001, 300750, 688981), five digits
 *       with a leading zero (00700), four with a leading zero (0700 → 00700), a Hong Kong code without
 *       its zeros next to the company's name, after 港股 or after a quantity (小米1810 → 01810,
 *       3 lots of 9988 → 09988) — never a number
 *       followed by 股, 手, shares or lots, which is a quantity;</li>
 *   <li>a name from the list, longest match first, in Simplified or Traditional Chinese, any case
 *       (茅台, 騰訊, 鹅厂, Tencent, CATL), or a listed US ticker (AAPL, aapl; short tickers such as V or
 *       MA only in capitals). A dual-listed company's name gives the A-share, unless the message says
 *       Hong Kong (港股, 港, HK, H股, 香港, 港币 ...) — then the Hong Kong row — or the US (美股, USD,
 *       Nasdaq ...).</li>
 * </ol>
 * The first code written wins over any name; among names, the first one written.
 */
final class InstrumentExtractor {

  private static final Set<String> MAINLAND_MARKS = Set.of("sh", "ss", "sz", "bj");
  private static final Lexicon HONG_KONG_HINTS = new Lexicon("港股通", "港股", "h股", "h shares", "h share", "h-share", "h-shares", "h", "hk", "hk$", "hkd", "hkex",
      "香港", "港", "恒指", "恒生指数", "港币", "港元", "港纸", "hong kong");
  private static final Lexicon US_HINTS = new Lexicon("美股", "美国", "美元", "美金", "usd", "us$", "nasdaq", "nyse",
      "纳斯达克", "纳指", "纽交所", "adr", "us stock", "us stocks", "us-listed", "us listed", "us market", "us shares");
  private static final Lexicon QUANTITY_UNITS = new Lexicon("股", "手", "张", "shares", "share", "shs", "lots", "lot");

  private final InstrumentList list;

  InstrumentExtractor(InstrumentList list) {
    this.list = list;
  }

  /** Finds names and claims their characters; runs before tokenising. */
  void findNames(Message m) {
    String t = m.text;
    for (int i = 0; i < t.length(); i++) {
      if (m.isClaimed(i)) {
        continue;
      }
      InstrumentList.NameEntry e = list.matchAt(t, m.original, i);
      if (e != null && m.isFree(i, i + e.folded().length())) {
        int end = i + e.folded().length();
        m.names.add(new Message.NameMention(i, end, e));
        m.claim(i, end);
        i = end - 1;
      }
    }
  }

  /** Finds codes in the tokens and decides the instrument. */
  void extract(Message m) {
    String code = firstCode(m);
    if (code == null) {
      code = fromNames(m);
    }
    if (code != null) {
      m.instrumentCode = code;
      m.instrument = list.byCode(code).orElse(null);
    }
  }

  private String fromNames(Message m) {
    if (m.names.isEmpty()) {
      return null;
    }
    boolean hk = hint(m, HONG_KONG_HINTS);
    boolean us = hint(m, US_HINTS);
    for (Message.NameMention n : m.names) {
      Instrument i = InstrumentList.resolve(n.entry().instruments(), hk, us);
      if (i != null) {
        return i.code();
      }
    }
    return null;
  }

  private static boolean hint(Message m, Lexicon hints) {
    String t = m.text;
    for (int i = 0; i < t.length(); i++) {
      String h = m.isClaimed(i) ? null : hints.matchAt(t, i);
      if (h != null && m.isFree(i, i + h.length())) {
        return true;
      }
    }
    return false;
  }

  private String firstCode(Message m) {
    List<Token> tokens = m.tokens();
    String first = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String code = null;
      if (t.isPlainDigits() && t.isFree()) {
        code = marked(m, i);
        if (code == null) {
          code = bare(m, i);
        }
      } else if (t.isSymbol('$') && i + 1 < tokens.size() && isTickerWord(tokens.get(i + 1), t.end)) {
        code = tokens.get(i + 1).text.toUpperCase(Locale.ROOT);
        tokens.get(i + 1).role = Token.Role.CODE;
      } else if (t.kind == Token.Kind.WORD && t.isFree() && t.text.length() <= 5 && i + 2 < tokens.size()
          && tokens.get(i + 1).isSymbol('.') && tokens.get(i + 1).start == t.end
          && tokens.get(i + 2).is(Token.Kind.WORD, "us") && tokens.get(i + 2).start == tokens.get(i + 1).end) {
        code = t.text.toUpperCase(Locale.ROOT);
        t.role = Token.Role.CODE;
        tokens.get(i + 2).role = Token.Role.CODE;
      }
      if (code != null && first == null) {
        first = code;
      }
    }
    return first;
  }

  private static boolean isTickerWord(Token w, int after) {
    return w.kind == Token.Kind.WORD && w.start == after && w.text.length() <= 5 && w.isFree();
  }

  /** A code with a market prefix or suffix (sh600519, 600519.SH, 0700.HK, HK00700). */
  private String marked(Message m, int i) {
    List<Token> tokens = m.tokens();
    Token t = tokens.get(i);
    Token mark = null;
    Token prev = m.previous(i);
    if (prev != null && prev.end == t.start && (prev.isSymbol('.') || prev.isSymbol(':')) && i >= 2) {
      Token before = tokens.get(i - 2);
      if (before.kind == Token.Kind.WORD && before.end == prev.start) {
        mark = before;
      }
    } else if (prev != null && prev.kind == Token.Kind.WORD && prev.end == t.start) {
      mark = prev;
    }
    if (mark == null || !isMarketWord(mark.text)) {
      mark = null;
      Token dot = m.next(i);
      if (dot != null && dot.start == t.end && dot.isSymbol('.') && i + 2 < tokens.size()) {
        Token after = tokens.get(i + 2);
        if (after.kind == Token.Kind.WORD && after.start == dot.end && isMarketWord(after.text)) {
          mark = after;
        }
      }
    }
    if (mark == null) {
      return null;
    }
    String code = null;
    if (mark.text.equals("hk") && t.text.length() <= 5) {
      code = hongKong(t.text);
    } else if (MAINLAND_MARKS.contains(mark.text) && t.text.length() == 6) {
      code = t.text;
    }
    if (code != null) {
      t.role = Token.Role.CODE;
      mark.role = Token.Role.CODE;
    }
    return code;
  }

  private static boolean isMarketWord(String w) {
    return w.equals("hk") || MAINLAND_MARKS.contains(w);
  }

  /** A code written without its market. */
  private String bare(Message m, int i) {
    Token t = m.tokens().get(i);
    String d = t.text;
    if (followedByQuantityUnit(m, t)) {
      return null;
    }
    String code = null;
    if (d.length() == 6 && Market.ofMainlandCode(d) != null) {
      code = d;
    } else if ((d.length() == 5 || d.length() == 4) && d.charAt(0) == '0') {
      code = hongKong(d);
    } else if (d.length() <= 5) {
      String padded = hongKong(d);
      boolean namedHere = names(m.nameEndingNear(t.start), padded) || names(m.nameStartingNear(t.end), padded);
      boolean listed = list.byCode(padded).isPresent();
      boolean afterHint = HONG_KONG_HINTS.matchEndingAt(m.text, skipSpacesBack(m.text, t.start)) != null;
      if (namedHere || (listed && (afterHint || afterQuantityUnit(m, t)))) {
        code = padded;
      }
    }
    if (code != null) {
      t.role = Token.Role.CODE;
    }
    return code;
  }

  /** Whether a name mention (or null) is a name of the instrument with this code. */
  private static boolean names(Message.NameMention name, String code) {
    return name != null && name.entry().instruments().stream().anyMatch(ins -> ins.code().equals(code));
  }

  private static int skipSpacesBack(String s, int pos) {
    int k = pos;
    while (k > 0 && s.charAt(k - 1) == ' ' && pos - k < 1) {
      k--;
    }
    return k;
  }

  private static final Lexicon UNIT_THEN_CODE = new Lexicon("股", "手", "lots of", "lot of", "shares of",
      "share of", "lots", "lot", "shares", "sh of", "shs of");

  /** 3 lots 9988, 500 shares of 700, 两手 1810: what follows a quantity is what is traded. */
  private static boolean afterQuantityUnit(Message m, Token t) {
    int k = t.start;
    while (k > 0 && m.text.charAt(k - 1) == ' ' && t.start - k < 1) {
      k--;
    }
    String unit = UNIT_THEN_CODE.matchEndingAt(m.text, k);
    if (unit == null || (!unit.endsWith(" of") && (!m.names.isEmpty() || t.text.length() < 4))) {
      return false; // 港交所 买100股 388, 买100股 388: a short number after the quantity is a price
    }
    int u = k - unit.length();
    while (u > 0 && m.text.charAt(u - 1) == ' ') {
      u--;
    }
    return u > 0 && (Tokenizer.isDigit(m.text.charAt(u - 1)) || ChineseNumerals.isNumeralChar(m.text.charAt(u - 1))
        || Lexicon.isAsciiLetter(m.text.charAt(u - 1)));
  }

  private static boolean followedByQuantityUnit(Message m, Token t) {
    int j = t.end;
    if (j < m.text.length() && m.text.charAt(j) == ' ') {
      j++;
    }
    String unit = QUANTITY_UNITS.matchAt(m.text, j);
    return unit != null && !(unit.equals("张") && m.text.startsWith("张单", j));
  }

  static String hongKong(String digits) {
    String d = digits;
    while (d.length() < 5) {
      d = "0" + d;
    }
    return d;
  }
}
