package io.parley.nlu.entity;

import java.util.List;

/**
 * Case numbers: a kind letter (C complaint, F follow-up, A application, T trade instruction, U info
 * update), a dash, six digits: {@code C-004217}. Tolerated, because case numbers are read out on the
 * phone and typed back: lower case ({@code c-004217}), other dashes ({@code C–004217}, {@code C－004217}),
 * and no dash ({@code C004217}). Not tolerated: a space instead of the dash, or a digit count other
 * than six. The letter must stand alone (not the end of a word such as {@code sh600519}). Returned as
 * {@code C-004217}.
 */
final class CaseIdExtractor {

  private static final String KINDS = "cfatu";

  void extract(Message m) {
    List<Token> tokens = m.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token letter = tokens.get(i);
      if (letter.kind != Token.Kind.WORD || letter.text.length() != 1 || KINDS.indexOf(letter.text.charAt(0)) < 0) {
        continue;
      }
      int d = i + 1;
      if (d < tokens.size() && tokens.get(d).isSymbol('-') && tokens.get(d).start == letter.end) {
        d++;
      }
      if (d >= tokens.size()) {
        continue;
      }
      Token digits = tokens.get(d);
      if (digits.start == tokens.get(d - 1).end && digits.isPlainDigits() && digits.text.length() == 6
          && digits.isFree()) {
        for (int k = i; k <= d; k++) {
          tokens.get(k).role = Token.Role.CASE_ID;
        }
        if (m.caseId == null) {
          m.caseId = Character.toUpperCase(letter.text.charAt(0)) + "-" + digits.text;
        }
      }
    }
  }
}
