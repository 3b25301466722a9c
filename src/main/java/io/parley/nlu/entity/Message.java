package io.parley.nlu.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * The working state of one extraction: the original and folded text, which characters are already
 * claimed (e-mail addresses, instrument names), the tokens, and what has been found so far. One per
 * call; never shared between threads.
 */
final class Message {

  /** An instrument name found in the text, with the instruments it may stand for. */
  record NameMention(int start, int end, InstrumentList.NameEntry entry) {
  }

  /** A side word found in the text. */
  record SideMention(int start, int end, String side) {
  }

  final String original;
  final String text;
  private final boolean[] claimed;
  private List<Token> tokens;

  final List<NameMention> names = new ArrayList<>();
  final List<SideMention> sides = new ArrayList<>();

  String email;
  String caseId;
  String idNumber;
  String phone;
  String side;
  Instrument instrument;
  String instrumentCode;
  Long quantityShares;
  Long quantityLots;
  java.math.BigDecimal price;
  String priceType;
  /** The customer means the whole position (all, 清仓, 沽晒). */
  boolean wholePosition;

  Message(String original) {
    this.original = original;
    this.text = TextFold.fold(original);
    this.claimed = new boolean[text.length()];
  }

  private static final java.math.BigDecimal MAX_PRICE = java.math.BigDecimal.valueOf(10_000_000);

  /** Whether a value can be a price per share: positive, below ten million, at most four decimals. */
  static boolean isPlausiblePrice(java.math.BigDecimal v) {
    return v != null && v.signum() > 0 && v.compareTo(MAX_PRICE) < 0 && v.stripTrailingZeros().scale() <= 4;
  }

  void claim(int start, int end) {
    for (int i = start; i < end; i++) {
      claimed[i] = true;
    }
    tokens = null;
  }

  boolean isClaimed(int i) {
    return claimed[i];
  }

  boolean isFree(int start, int end) {
    for (int i = start; i < end; i++) {
      if (claimed[i]) {
        return false;
      }
    }
    return true;
  }

  /** Tokens of the unclaimed text (scanned on first use after the last claim). */
  List<Token> tokens() {
    if (tokens == null) {
      tokens = Tokenizer.tokenize(text, claimed);
    }
    return tokens;
  }

  /** The token that follows token {@code i}, or null. */
  Token next(int i) {
    List<Token> t = tokens();
    return i + 1 < t.size() ? t.get(i + 1) : null;
  }

  Token previous(int i) {
    return i > 0 ? tokens().get(i - 1) : null;
  }

  /** Whether only spaces separate two positions (at most {@code maxSpaces} of them). */
  boolean onlySpacesBetween(int from, int to, int maxSpaces) {
    if (to < from || to - from > maxSpaces) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** At most one space and one bracket between: 腾讯 700, 腾讯(700), 騰訊控股（700）. */
  private boolean onlyBracketsBetween(int from, int to) {
    if (to < from || to - from > 2) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (" ()[]【】".indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The name mention that starts right after (at most one space) position {@code pos}, or null. */
  NameMention nameStartingNear(int pos) {
    for (NameMention m : names) {
      if (m.start() >= pos && onlyBracketsBetween(pos, m.start())) {
        return m;
      }
    }
    return null;
  }

  /** The name mention that ends right before (at most one space) position {@code pos}, or null. */
  NameMention nameEndingNear(int pos) {
    for (NameMention m : names) {
      if (m.end() <= pos && onlyBracketsBetween(m.end(), pos)) {
        return m;
      }
    }
    return null;
  }
}
