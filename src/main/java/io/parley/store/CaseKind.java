package io.parley.store;

/** The kinds of case, each with the letter that starts its numbers (contracts §5). */
public enum CaseKind {
  COMPLAINT('C'), FOLLOW_UP('F'), APPLICATION('A'), TRADE_INSTRUCTION('T'), INFO_UPDATE('U');

  private final char letter;

  CaseKind(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  /** The case number of the {@code n}th case of this kind: {@code C-004217}. */
  public String caseId(long n) {
    return letter + "-" + String.format("%06d", n);
  }

  public static CaseKind ofCaseId(String caseId) {
    if (caseId != null && caseId.length() >= 3 && caseId.charAt(1) == '-') {
      for (CaseKind k : values()) {
        if (k.letter == caseId.charAt(0)) {
          return k;
        }
      }
    }
    throw new IllegalArgumentException("not a case number: " + caseId);
  }
}
