package io.parley.nlu.entity;

/**
 * Buy or sell. Buy: 买入 买进 买 買返 加仓 补仓 建仓 入 (Cantonese, alone), buy, long, add, top up ...
 * Sell: 卖出 卖 沽 抛 清仓 减仓 沽晒 止损 sell, dump, short, close out, get rid of ... Words that also
 * mean the whole position (清仓, 沽晒, 卖光, 全沽 ...) say so.
 *
 * <p>A side word is skipped when it is negated (不要卖, 唔好沽, don't sell) or describes the past
 * holding rather than the order (昨天买的, 买咗嘅); the first remaining one decides. 入 counts only
 * when it stands as a verb (入两手, 帮我入), not inside 收入, 入金, 转入.
 */
final class SideExtractor {

  static final String BUY = "buy";
  static final String SELL = "sell";

  private static final Lexicon BUY_WORDS = new Lexicon("买入", "买进", "买返", "买番", "买", "购入", "购买", "加仓", "补仓",
      "建仓", "增持", "抄底", "补点", "补些", "补一点", "补多", "加点", "加一点", "加多", "加码", "入货", "扫货", "开仓", "入", "buy", "buying", "purchase", "long", "top up", "add",
      "pick up", "get me");
  private static final Lexicon SELL_WORDS = new Lexicon("卖出", "卖掉", "卖了", "卖", "沽出", "沽货", "沽空", "沽", "抛售",
      "抛掉", "抛", "清仓", "减仓", "减持", "减一半", "减半", "减掉", "减点", "减些", "减一点", "平仓", "止损", "止蚀", "割肉", "出货", "走货", "放咗", "出晒", "sell", "selling",
      "dump", "short", "close out", "close my", "get rid of", "offload", "unload", "liquidate", "cash out", "exit");
  private static final Lexicon WHOLE = new Lexicon("清仓", "沽晒", "卖晒", "抛晒", "出晒", "卖光", "抛光", "沽光", "全沽", "全卖",
      "全抛", "清掉", "全部", "全仓", "所有", "通通", "统统", "all", "entire", "everything", "whole", "close out",
      "liquidate", "梭哈");
  private static final Lexicon NEGATIONS = new Lexicon("不要", "不想", "不用", "别", "唔好", "唔使", "唔想", "唔要", "勿", "不", "莫",
      "don't", "dont", "do not", "not", "never", "no");
  /** After a side word: it describes a past trade (昨天买的), not an instruction. */
  private static final Lexicon PAST = new Lexicon("的", "咗嘅", "过的", "嘅", "价", "入价", "入的");
  /** Before 入: characters that make it a verb of buying (帮我入, 再入) rather than part of a word. */
  private static final String RU_ALLOWED_BEFORE = "我要想帮再先就去又都来你可请手, 。，!！";
  private static final String RU_FORBIDDEN_AFTER = "金账场口职住学息围股选门";

  void extract(Message m) {
    String t = m.text;
    for (int i = 0; i < t.length(); i++) {
      if (m.isClaimed(i)) {
        continue;
      }
      String whole = WHOLE.matchAt(t, i);
      if (whole != null && m.isFree(i, i + whole.length())) {
        m.wholePosition = true;
      }
      String buy = BUY_WORDS.matchAt(t, i);
      String sell = SELL_WORDS.matchAt(t, i);
      String word = longer(buy, sell);
      if (word == null || !m.isFree(i, i + word.length())) {
        continue;
      }
      String side = word == buy ? BUY : SELL;
      int end = i + word.length();
      if (word.equals("入") && !isVerbRu(t, i)) {
        continue;
      }
      if (WEAK.contains(word) && !followedByWhatIsTraded(m, end)) {
        continue; // "how long does it take", "add my phone number"
      }
      if (!isNegated(t, i) && !describesPast(t, end, word)) {
        m.sides.add(new Message.SideMention(i, end, side));
      }
      i = end - 1;
    }
    if (!m.sides.isEmpty()) {
      m.side = m.sides.get(0).side();
    }
  }

  /** English words that are a side only when what is traded follows: long 2 lots, short 100 msft. */
  private static final java.util.Set<String> WEAK = java.util.Set.of("long", "short", "add", "exit", "top up",
      "pick up", "cash out", "get me", "close my");
  private static final Lexicon ARTICLES = new Lexicon("my", "the", "some", "all", "more", "another", "on", "in",
      "of", "up", "me", "a");

  /** After the word: a number, or an instrument name (possibly after my/the/some ...). */
  private static boolean followedByWhatIsTraded(Message m, int end) {
    String t = m.text;
    int k = end;
    for (int words = 0; words < 3; words++) {
      while (k < t.length() && t.charAt(k) == ' ') {
        k++;
      }
      if (k >= t.length()) {
        return false;
      }
      char c = t.charAt(k);
      if (m.isClaimed(k) || Tokenizer.isDigit(c) || c == '$' || ChineseNumerals.isNumeralChar(c)) {
        return true;
      }
      String a = ARTICLES.matchAt(t, k);
      if (a == null) {
        return words == 0 && Lexicon.isAsciiLetter(c) && looksLikeTicker(m, k);
      }
      k += a.length();
    }
    return false;
  }

  /** An upper-case word of up to five letters as written (NIO, AMD): a ticker-like word. */
  private static boolean looksLikeTicker(Message m, int k) {
    int e = k;
    while (e < m.original.length() && Character.isUpperCase(m.original.charAt(e))) {
      e++;
    }
    return e - k >= 2 && e - k <= 5 && (e == m.original.length() || !Character.isLetter(m.original.charAt(e)));
  }

  private static String longer(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.length() > a.length() ? b : a;
  }

  private static boolean isVerbRu(String t, int i) {
    boolean before = i == 0 || RU_ALLOWED_BEFORE.indexOf(t.charAt(i - 1)) >= 0;
    boolean after = i + 1 >= t.length() || RU_FORBIDDEN_AFTER.indexOf(t.charAt(i + 1)) < 0;
    return before && after;
  }

  private static boolean isNegated(String t, int i) {
    int k = i;
    while (k > 0 && t.charAt(k - 1) == ' ') {
      k--;
    }
    for (int back = 0; back <= 2 && k - back > 0; back++) {
      // 不要卖, 唔好即刻沽: a negation up to two characters before the side word
      String neg = NEGATIONS.matchEndingAt(t, k - back);
      if (neg != null) {
        boolean idiom = neg.equals("不") && k - back < t.length() && "如过然好久但仅只限论管".indexOf(t.charAt(k - back)) >= 0;
        return !idiom && (back == 0 || t.charAt(k - 1) > 127);
      }
    }
    return false;
  }

  private static boolean describesPast(String t, int end, String word) {
    if (word.endsWith("的") || word.equals("卖了")) {
      return false;
    }
    return PAST.matchAt(t, end) != null;
  }
}
