package io.parley.nlu.entity;

import java.util.List;

/**
 * Takes out of play the numbers that are neither a quantity, a price nor a code: years and dates
 * (2024年, 3月5日, 2024-05-01, 5/1), times (9:30, 十点, 3点半, 10am), durations and ages (3天, 2 weeks),
 * percentages and ratios (5%, 百分之十, 三成, 2倍), ordinals (第二, T+1, 1st), and account or order
 * numbers (资金账号 12345678, order no. 123456).
 */
final class IncidentalNumberFilter {

  private static final Lexicon SUFFIXES = new Lexicon("年", "月", "日", "号", "点钟", "点", "时", "小时", "分钟", "分",
      "秒", "天", "周", "星期", "个月", "个交易日", "岁", "倍", "%", "个点", "成", "厘", "次", "am", "pm", "a.m.",
      "p.m.", "o'clock", "oclock", "day", "days", "year", "years", "yr", "yrs", "min", "mins", "minute", "minutes",
      "hour", "hours", "hr", "hrs", "week", "weeks", "month", "months", "percent", "pct", "st", "nd", "rd", "th",
      "times", "x");
  private static final Lexicon PREFIXES = new Lexicon("第", "t+", "周", "星期", "礼拜", "分之", "点");
  /** Words before an account, order or reference number (which is then no phone, code or quantity). */
  static final Lexicon ACCOUNT_WORDS = new Lexicon("账号", "帐号", "账户", "帐户", "户口", "户口号", "客户号", "资金账号",
      "订单号", "单号", "编号", "委托号", "合同号", "参考号", "流水号", "account", "acct", "a/c", "order no.",
      "order no", "order number", "order #", "order id", "ref", "ref.", "reference", "#", "no.", "验证码", "密码", "pin",
      "otp", "邮编", "account number", "account no", "account no.");
  private static final Lexicon NOT_SUFFIXES = new Lexicon("成交", "分钱", "号码", "日元", "时候", "点击", "周转");

  void extract(Message m) {
    List<Token> tokens = m.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isNumber() || !t.isFree()) {
        continue;
      }
      if (isTime(m, i) || isDate(m, i)) {
        continue;
      }
      if (hasSuffix(m, i) || hasPrefix(m, t, PREFIXES) || hasPrefix(m, t, ACCOUNT_WORDS)) {
        t.role = Token.Role.IGNORED;
      }
    }
  }

  private static boolean hasSuffix(Message m, int i) {
    Token t = m.tokens().get(i);
    int j = t.end;
    if (j < m.text.length() && m.text.charAt(j) == ' ') {
      j++;
    }
    String suffix = SUFFIXES.matchAt(m.text, j);
    if (suffix == null || NOT_SUFFIXES.matchAt(m.text, j) != null) {
      return false;
    }
    if (suffix.equals("分")) {
      Token prev = m.previous(i);
      return prev == null || !(prev.is(Token.Kind.CJK, "毛") || prev.is(Token.Kind.CJK, "角"));
    }
    if (suffix.equals("x") || suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd")
        || suffix.equals("th")) {
      return j == t.end; // 2x, 1st: written together
    }
    return true;
  }

  /** A word of the lexicon right before the number, across up to three of " :是为=". */
  static boolean hasPrefix(Message m, Token t, Lexicon words) {
    int k = t.start;
    while (k > 0 && " :是为=".indexOf(m.text.charAt(k - 1)) >= 0 && t.start - k < 3) {
      k--;
    }
    String p = words.matchEndingAt(m.text, k);
    if (p == null && k != t.start) {
      p = words.matchEndingAt(m.text, t.start);
    }
    return p != null;
  }

  /** 9:30 or 14:05 (both numbers are taken out). */
  private static boolean isTime(Message m, int i) {
    List<Token> tokens = m.tokens();
    if (i + 2 >= tokens.size()) {
      return false;
    }
    Token h = tokens.get(i);
    Token colon = tokens.get(i + 1);
    Token min = tokens.get(i + 2);
    if (h.isPlainDigits() && h.text.length() <= 2 && colon.isSymbol(':') && colon.start == h.end
        && min.isPlainDigits() && min.text.length() == 2 && min.start == colon.end) {
      h.role = Token.Role.IGNORED;
      min.role = Token.Role.IGNORED;
      return true;
    }
    return false;
  }

  /** 2024-05-01, 2024/5/1, 5/1 (the numbers of the date are taken out). */
  private static boolean isDate(Message m, int i) {
    List<Token> tokens = m.tokens();
    if (i + 2 >= tokens.size()) {
      return false;
    }
    Token a = tokens.get(i);
    Token sep = tokens.get(i + 1);
    Token b = tokens.get(i + 2);
    if (!a.isPlainDigits() || !b.isPlainDigits() || sep.start != a.end || b.start != sep.end
        || !(sep.isSymbol('/') || sep.isSymbol('-'))) {
      return false;
    }
    int x = Integer.parseInt(a.text.length() > 4 ? "99999" : a.text);
    int y = Integer.parseInt(b.text.length() > 2 ? "99" : b.text);
    boolean yearFirst = a.text.length() == 4 && x >= 1900 && x <= 2100 && y >= 1 && y <= 12;
    boolean dayMonth = sep.isSymbol('/') && a.text.length() <= 2 && x >= 1 && x <= 31 && y >= 1 && y <= 31;
    if (!yearFirst && !dayMonth) {
      return false;
    }
    a.role = Token.Role.IGNORED;
    b.role = Token.Role.IGNORED;
    if (i + 4 < tokens.size() && tokens.get(i + 3).start == b.end && tokens.get(i + 3).text.equals(sep.text)
        && tokens.get(i + 4).isPlainDigits() && tokens.get(i + 4).start == tokens.get(i + 3).end) {
      tokens.get(i + 4).role = Token.Role.IGNORED;
    }
    return true;
  }
}
