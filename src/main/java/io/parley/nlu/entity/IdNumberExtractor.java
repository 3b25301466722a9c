package io.parley.nlu.entity;

import java.util.List;

/**
 * Mainland resident ID numbers: 17 digits and a check character (digit or X), kept only when the
 * ISO 7064 MOD 11-2 check character is right. A well-shaped number with a wrong check character is
 * still taken out of play (it is neither a quantity nor a price), but not reported.
 */
final class IdNumberExtractor {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  void extract(Message m) {
    List<Token> tokens = m.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isPlainDigits() || !t.isFree()) {
        continue;
      }
      String id = null;
      if (t.text.length() == 18) {
        id = t.text;
      } else if (t.text.length() == 17 && i + 1 < tokens.size() && tokens.get(i + 1).is(Token.Kind.WORD, "x")
          && tokens.get(i + 1).start == t.end) {
        id = t.text + "X";
        tokens.get(i + 1).role = Token.Role.ID_NUMBER;
      }
      if (id == null) {
        continue;
      }
      t.role = Token.Role.ID_NUMBER;
      if (m.idNumber == null && isValid(id)) {
        m.idNumber = id;
      }
    }
  }

  /** Whether an 18-character ID number carries the right ISO 7064 MOD 11-2 check character. */
  static boolean isValid(String id) {
    if (id.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
  }
}
