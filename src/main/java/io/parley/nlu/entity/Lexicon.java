package io.parley.nlu.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small set of phrases (already folded) matched at a position of a folded text, longest first.
 * A phrase that starts or ends with an ASCII letter only matches as whole words: the character
 * before and after must not be an ASCII letter ("long" does not match inside "longi").
 */
final class Lexicon {

  private final Map<Character, List<String>> byFirst = new HashMap<>();
  private final Map<Character, List<String>> byLast = new HashMap<>();

  Lexicon(String... phrases) {
    for (String p : phrases) {
      String f = TextFold.fold(p);
      byFirst.computeIfAbsent(f.charAt(0), k -> new ArrayList<>()).add(f);
      byLast.computeIfAbsent(f.charAt(f.length() - 1), k -> new ArrayList<>()).add(f);
    }
    Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
    byFirst.values().forEach(l -> l.sort(longestFirst));
    byLast.values().forEach(l -> l.sort(longestFirst));
  }

  /** The longest phrase that starts at {@code i}, or null. */
  String matchAt(String text, int i) {
    if (i < 0 || i >= text.length()) {
      return null;
    }
    List<String> candidates = byFirst.get(text.charAt(i));
    if (candidates == null) {
      return null;
    }
    for (String p : candidates) {
      if (text.startsWith(p, i) && wordBoundaries(text, i, i + p.length(), p)) {
        return p;
      }
    }
    return null;
  }

  /** The longest phrase that ends just before {@code end}, or null. */
  String matchEndingAt(String text, int end) {
    if (end <= 0 || end > text.length()) {
      return null;
    }
    List<String> candidates = byLast.get(text.charAt(end - 1));
    if (candidates == null) {
      return null;
    }
    for (String p : candidates) {
      int start = end - p.length();
      if (start >= 0 && text.startsWith(p, start) && wordBoundaries(text, start, end, p)) {
        return p;
      }
    }
    return null;
  }

  /** Whether some phrase occurs anywhere in the text. */
  boolean occursIn(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (matchAt(text, i) != null) {
        return true;
      }
    }
    return false;
  }

  static boolean wordBoundaries(String text, int start, int end, String phrase) {
    if (isAsciiLetter(phrase.charAt(0)) && start > 0 && isAsciiLetter(text.charAt(start - 1))) {
      return false;
    }
    return !(isAsciiLetter(phrase.charAt(phrase.length() - 1)) && end < text.length()
        && isAsciiLetter(text.charAt(end)));
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
