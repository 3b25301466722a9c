package io.parley.nlu.entity;

import java.util.List;

/**
 * Phone numbers. Mainland mobiles: 11 digits {@code 1[3-9]xxxxxxxxx}, also written {@code 138 1234 5678}
 * or {@code 138-1234-5678}, with an optional {@code +86}/{@code 86}/{@code 0086}. Hong Kong: 8 digits
 * starting 2, 3, 5, 6, 7, 8 or 9, with an optional {@code +852}; written {@code 9123 4567} only after
 * {@code +852} or a phone word (电话, 手机, phone, WhatsApp ...). An 8-digit number followed by a
 * quantity word (股, 手, shares) is a quantity, not a phone. Returned as national digits without
 * country code or separators ({@code 13812345678}, {@code 91234567}). Every phone number found is
 * taken out of play so that none of its digits become a quantity or a price.
 */
final class PhoneExtractor {

  private static final Lexicon PHONE_WORDS = new Lexicon("电话", "手机", "手提", "联络", "联系", "致电", "号码",
      "phone", "tel", "mobile", "whatsapp", "call", "contact", "number");
  private static final Lexicon AFTER_QUANTITY = new Lexicon("股", "手", "张", "shares", "share", "lots", "lot",
      "元", "块", "蚊");

  void extract(Message m) {
    List<Token> tokens = m.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isPlainDigits() || !t.isFree() || IncidentalNumberFilter.hasPrefix(m, t, IncidentalNumberFilter.ACCOUNT_WORDS)) {
        continue;
      }
      int last = -1;
      String number = null;
      String d = t.text;
      if (isMainlandMobile(d)) {
        number = d;
        last = i;
      } else if (d.length() == 13 && d.startsWith("86") && isMainlandMobile(d.substring(2))) {
        number = d.substring(2);
        last = i;
      } else if (d.length() == 3 && isMainlandMobile(d + "00000000") && groupsEnd(m, i, 4, 4) > 0) {
        last = groupsEnd(m, i, 4, 4);
        number = digitsOf(tokens, i, last);
      } else if (d.length() == 8 && isHongKong(d) && !followedByQuantityWord(m, t)) {
        number = d;
        last = i;
      } else if (d.length() == 11 && d.startsWith("852") && isHongKong(d.substring(3))) {
        number = d.substring(3);
        last = i;
      } else if (d.length() == 4 && isHongKong(d + "0000") && groupsEnd(m, i, 4) > 0
          && (hasCountryCode(m, i, "852") || phoneWordBefore(m, t.start))) {
        last = groupsEnd(m, i, 4);
        number = digitsOf(tokens, i, last);
      }
      if (number == null) {
        continue;
      }
      int first = i;
      for (String code : new String[] {"86", "0086", "852"}) {
        int c = countryCodeIndex(m, i, code);
        if (c >= 0) {
          first = c > 0 && tokens.get(c - 1).isSymbol('+') ? c - 1 : c;
        }
      }
      for (int k = first; k <= last; k++) {
        tokens.get(k).role = Token.Role.PHONE;
      }
      if (m.phone == null) {
        m.phone = number;
      }
      i = last;
    }
  }

  static boolean isMainlandMobile(String d) {
    return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9'
        && d.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static boolean isHongKong(String d) {
    return d.length() == 8 && "2356789".indexOf(d.charAt(0)) >= 0 && d.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * The index of the last token when the tokens after {@code i} are digit groups of the given
   * lengths, each after one space or one dash; else -1.
   */
  private static int groupsEnd(Message m, int i, int... lengths) {
    List<Token> tokens = m.tokens();
    int k = i;
    int prevEnd = tokens.get(i).end;
    for (int len : lengths) {
      int n = k + 1;
      if (n >= tokens.size()) {
        return -1;
      }
      Token next = tokens.get(n);
      if (next.isSymbol('-') && next.start == prevEnd) {
        prevEnd = next.end;
        n++;
        if (n >= tokens.size() || tokens.get(n).start != prevEnd) {
          return -1;
        }
        next = tokens.get(n);
      } else if (!(next.start == prevEnd + 1 && m.text.charAt(prevEnd) == ' ')) {
        return -1;
      }
      if (!next.isPlainDigits() || next.text.length() != len || !next.isFree()) {
        return -1;
      }
      prevEnd = next.end;
      k = n;
    }
    return k;
  }

  private static String digitsOf(List<Token> tokens, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k <= to; k++) {
      if (tokens.get(k).kind == Token.Kind.NUMBER) {
        sb.append(tokens.get(k).text);
      }
    }
    return sb.toString();
  }

  /** The country code written before token i: "+852 9123...", "852-9123...", "86 138...". */
  private static boolean hasCountryCode(Message m, int i, String code) {
    return countryCodeIndex(m, i, code) >= 0;
  }

  private static int countryCodeIndex(Message m, int i, String code) {
    List<Token> tokens = m.tokens();
    Token t = tokens.get(i);
    Token prev = m.previous(i);
    if (prev != null && prev.isSymbol('-') && prev.end == t.start && i >= 2) {
      Token c = tokens.get(i - 2);
      return c.isPlainDigits() && c.text.equals(code) && c.end == prev.start ? i - 2 : -1;
    }
    return prev != null && prev.isPlainDigits() && prev.text.equals(code) && m.onlySpacesBetween(prev.end, t.start, 2)
        ? i - 1 : -1;
  }

  private static boolean phoneWordBefore(Message m, int pos) {
    int from = Math.max(0, pos - 12);
    return PHONE_WORDS.occursIn(m.text.substring(from, pos));
  }

  private static boolean followedByQuantityWord(Message m, Token t) {
    int j = t.end;
    while (j < m.text.length() && m.text.charAt(j) == ' ') {
      j++;
    }
    return AFTER_QUANTITY.matchAt(m.text, j) != null;
  }
}
