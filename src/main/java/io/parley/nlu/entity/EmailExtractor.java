package io.parley.nlu.entity;

/**
 * E-mail addresses: a local part, {@code @}, and a domain with at least one dot and a top-level
 * label of two or more letters. {@code @ 45.5} or {@code @368.4} (a price) is not an address. The
 * address is returned in lower case. Runs first, and claims its characters so that nothing inside
 * an address is read as a name or a number.
 */
final class EmailExtractor {

  void extract(Message m) {
    String t = m.text;
    for (int at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
      int start = at;
      while (start > 0 && isLocalChar(t.charAt(start - 1))) {
        start--;
      }
      while (start < at && t.charAt(start) == '.') {
        start++;
      }
      int end = at + 1;
      while (end < t.length() && isDomainChar(t.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (t.charAt(end - 1) == '.' || t.charAt(end - 1) == '-')) {
        end--;
      }
      if (start < at && isDomain(t.substring(at + 1, end))) {
        m.claim(start, end);
        if (m.email == null) {
          m.email = t.substring(start, end);
        }
      }
    }
  }

  private static boolean isDomain(String d) {
    String[] labels = d.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String l : labels) {
      if (l.isEmpty()) {
        return false;
      }
    }
    String tld = labels[labels.length - 1];
    return tld.length() >= 2 && tld.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }

  private static boolean isLocalChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+'
        || c == '-';
  }

  private static boolean isDomainChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }
}
