package io.parley.nlu;

/**
 * Rewrites common written-Cantonese words into their Mandarin equivalents, on text already folded to
 * Simplified characters, so that a Cantonese message ("佣金点计", "几时到账") shares features with its
 * Mandarin paraphrases. Only words whose Cantonese reading is unambiguous are rewritten (not 系, which is
 * also "system", nor 点 alone, which is also "o'clock").
 */
public final class CantoneseFolding {

  private CantoneseFolding() {}

  /** Longest first: a pair is (Cantonese, Mandarin). */
  private static final String[][] WORDS = {
      {"系唔系", "是不是"}, {"系咪", "是不是"}, {"点解", "为什么"}, {"点样", "怎么样"}, {"点计", "怎么算"},
      {"点做", "怎么做"}, {"点搞", "怎么办"}, {"边度", "哪里"}, {"边个", "谁"}, {"边只", "哪只"}, {"边间", "哪家"},
      {"几时", "什么时候"}, {"乜嘢", "什么"}, {"而家", "现在"}, {"琴日", "昨天"}, {"寻日", "昨天"}, {"听日", "明天"},
      {"今日", "今天"}, {"唔该", "谢谢"}, {"多谢", "谢谢"}, {"冇", "没有"}, {"唔", "不"}, {"嘅", "的"}, {"咗", "了"},
      {"喺", "在"}, {"佢", "他"}, {"啲", "些"}, {"咩", "什么"}, {"睇", "看"}, {"揾", "找"}, {"搵", "找"},
      {"俾", "给"}, {"畀", "给"}, {"嚟", "来"}, {"咁", "这么"}, {"攞", "拿"}, {"嘢", "东西"}, {"哋", "们"},
  };

  public static String apply(String s) {
    boolean any = false;
    for (int i = 0; i < s.length() && !any; i++) {
      char c = s.charAt(i);
      any = c == '系' || c == '点' || c == '边' || c == '几' || c == '乜' || c == '而' || c == '琴' || c == '寻'
          || c == '听' || c == '今' || c == '多' || "冇唔嘅咗喺佢啲咩睇揾搵俾畀嚟咁攞嘢哋".indexOf(c) >= 0;
    }
    if (!any) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 4);
    int i = 0;
    outer:
    while (i < s.length()) {
      for (String[] w : WORDS) {
        if (s.startsWith(w[0], i)) {
          sb.append(w[1]);
          i += w[0].length();
          continue outer;
        }
      }
      sb.append(s.charAt(i++));
    }
    return sb.toString();
  }
}
