package io.parley.nlu.entity;

import java.math.BigDecimal;

/**
 * One token of a folded message: a number (Arabic or Chinese), an ASCII word, one other CJK
 * character, or one symbol. Spaces are not tokens. The role says which extractor took the token.
 */
final class Token {

  enum Kind { NUMBER, CN_NUMBER, WORD, CJK, SYMBOL }

  enum Role { NONE, PHONE, ID_NUMBER, CASE_ID, IGNORED, CODE, QUANTITY, UNIT, PRICE }

  final Kind kind;
  final int start;
  final int end;
  final String text;
  /** The value of a number token (after 万/k scaling), else null. */
  final BigDecimal value;
  /** A number written with thousands separators (1,000). */
  final boolean grouped;
  /** A number scaled by a multiplier written after it (1万, 10k, 3千). */
  final boolean scaled;
  Role role = Role.NONE;

  Token(Kind kind, int start, int end, String text, BigDecimal value, boolean grouped, boolean scaled) {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.text = text;
    this.value = value;
    this.grouped = grouped;
    this.scaled = scaled;
  }

  boolean isNumber() {
    return kind == Kind.NUMBER || kind == Kind.CN_NUMBER;
  }

  /** An Arabic integer written as plain digits (no separators, decimals or multipliers). */
  boolean isPlainDigits() {
    return kind == Kind.NUMBER && !grouped && !scaled && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  boolean isInteger() {
    return value != null && value.stripTrailingZeros().scale() <= 0;
  }

  /** An integer small enough to be a number of shares or lots (at most 10^12). */
  boolean isCountable() {
    return isInteger() && value.signum() > 0 && value.compareTo(MAX_COUNT) <= 0;
  }

  private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(1_000_000_000_000L);

  boolean isFree() {
    return role == Role.NONE;
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isSymbol(char c) {
    return kind == Kind.SYMBOL && text.charAt(0) == c;
  }

  @Override
  public String toString() {
    return kind + "(" + text + ")" + (role == Role.NONE ? "" : ":" + role);
  }
}
