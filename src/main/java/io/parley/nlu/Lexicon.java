package io.parley.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The concept lexicon ({@code intents/lexicon/*.yml}): named meanings ({@code fee}, {@code human_agent},
 * {@code bye} ...) with their terms in the three languages. A message that mentions any term of a concept
 * gets the concept as one more feature, so that the three languages, synonyms and words that no training
 * example contains share what the examples teach. Staff data, like the examples:
 * <pre>
 * concepts:
 *   fee:
 *     en: [fee, commission, stamp duty]
 *     zh-Hans: [佣金, 手续费]
 *     zh-Hant: [收幾多錢]
 * </pre>
 * Terms are normalised like messages ({@link TextNormalizer}: case, width, Traditional to Simplified) and
 * cut into units: one unit per Chinese character (so a Chinese term matches anywhere inside a message),
 * one per Latin word, reduced to its English stem (so "charge" matches "charges" and "charged"), one per
 * number. A term matches a run of consecutive units; sentence punctuation breaks a run. The same concept in two
 * files merges its terms. Immutable and thread-safe.
 */
public final class Lexicon {

  /** The sub-directory of the intents directory that holds the lexicon files. */
  public static final String DIR = "lexicon";

  public static final Lexicon EMPTY = new Lexicon(Map.of());

  private static final Pattern CONCEPT_ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String BREAK = "\u0000";
  /** Sentence punctuation (after NFKC) that no term spans; other symbols are skipped like spaces. */
  private static final String BREAKS = ",.!?;:\u3001\u3002\n";

  /** concept -> its normalised terms (sorted): what is stored with a model and hashed into its cache key. */
  private final Map<String, Set<String>> terms;
  private final TrieNode root = new TrieNode();

  private Lexicon(Map<String, Set<String>> terms) {
    Map<String, Set<String>> copy = new TreeMap<>();
    terms.forEach((c, ts) -> copy.put(c, Collections.unmodifiableSet(new TreeSet<>(ts))));
    this.terms = Collections.unmodifiableMap(copy);
    this.terms.forEach((concept, ts) -> ts.forEach(t -> add(concept, t)));
  }

  /** A lexicon of the given concepts and (raw) terms; terms are normalised here. */
  public static Lexicon of(Map<String, ? extends Iterable<String>> conceptTerms) {
    TextNormalizer n = new TextNormalizer();
    Map<String, Set<String>> m = new TreeMap<>();
    conceptTerms.forEach((c, ts) -> ts.forEach(t -> {
      String norm = n.normalize(t);
      if (!termUnits(norm).isEmpty()) {
        m.computeIfAbsent(c, k -> new TreeSet<>()).add(norm);
      }
    }));
    return new Lexicon(m);
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Concept -> normalised terms. */
  public Map<String, Set<String>> terms() {
    return terms;
  }

  public int termCount() {
    return terms.values().stream().mapToInt(Set::size).sum();
  }

  // ---------------------------------------------------------------- matching

  private static final class TrieNode {
    final Map<String, TrieNode> next = new HashMap<>(4);
    List<String> concepts = List.of();
  }

  private void add(String concept, String normalizedTerm) {
    List<String> u = termUnits(normalizedTerm);
    if (u.isEmpty() || u.contains(BREAK)) {
      return; // a term with punctuation inside could never match a run; ignore it
    }
    TrieNode node = root;
    for (String unit : u) {
      node = node.next.computeIfAbsent(unit, k -> new TrieNode());
    }
    if (!node.concepts.contains(concept)) {
      List<String> cs = new ArrayList<>(node.concepts);
      cs.add(concept);
      node.concepts = List.copyOf(cs);
    }
  }

  /** The concepts mentioned in a text already normalised by {@link TextNormalizer}, each once, in order of first mention. */
  public List<String> conceptsIn(String normalized) {
    if (terms.isEmpty() || normalized.isEmpty()) {
      return List.of();
    }
    List<String> u = units(normalized);
    List<String> found = new ArrayList<>(4);
    for (int i = 0; i < u.size(); i++) {
      TrieNode node = root;
      for (int j = i; j < u.size(); j++) {
        node = node.next.get(u.get(j));
        if (node == null) {
          break;
        }
        for (String c : node.concepts) {
          if (!found.contains(c)) {
            found.add(c);
          }
        }
      }
    }
    return found;
  }

  /**
   * Matching units of a normalised text: each CJK character, each Latin word as its English stem (apostrophes
   * inside a word dropped), each run of digits; sentence punctuation becomes a break that no term spans
   * (but not a {@code . : ,} between letters or digits: "9:15", "i.p.o", "0.5"); spaces and other symbols
   * separate units.
   */
  static List<String> units(String s) {
    List<String> out = new ArrayList<>(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (FeatureExtractor.isCjk(cp)) {
        out.add(s.substring(i, i + len));
        i += len;
      } else if (Character.isLetter(cp)) {
        StringBuilder w = new StringBuilder();
        int j = i;
        while (j < n) {
          int c = s.codePointAt(j);
          if (Character.isLetter(c) && !FeatureExtractor.isCjk(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            w.appendCodePoint(c);
            j += Character.charCount(c);
          } else if ((c == '\'' || c == '\u2019') && j + 1 < n && Character.isLetter(s.codePointAt(j + 1))) {
            j++;
          } else {
            break;
          }
        }
        out.add(stem(w.toString()));
        i = j;
      } else if (Character.isDigit(cp)) {
        int j = i;
        while (j < n && Character.isDigit(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        boolean inside = (cp == '.' || cp == ':' || cp == ',') && i > 0 && i + 1 < n
            && Character.isLetterOrDigit(s.codePointBefore(i)) && Character.isLetterOrDigit(s.codePointAt(i + 1));
        if (!inside && BREAKS.indexOf(cp) >= 0 && (out.isEmpty() || !out.get(out.size() - 1).equals(BREAK))) {
          out.add(BREAK);
        }
        i += len;
      }
    }
    return out;
  }

  /** Units of a term: as {@link #units}, without breaks at either end ("p.a." is p, a). */
  static List<String> termUnits(String normalizedTerm) {
    List<String> u = units(normalizedTerm);
    int a = 0;
    int b = u.size();
    while (a < b && u.get(a).equals(BREAK)) {
      a++;
    }
    while (b > a && u.get(b - 1).equals(BREAK)) {
      b--;
    }
    return u.subList(a, b);
  }

  /** Snowball's English stemmer is not thread-safe: one per thread. */
  private static final ThreadLocal<SnowballStemmer> STEMMER =
      ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

  static String stem(String w) {
    return w.length() <= 2 ? w : STEMMER.get().stem(w).toString();
  }

  // ---------------------------------------------------------------- storage

  /** One line per term, {@code concept<TAB>normalised term}, sorted: the form stored beside a model. */
  public String serialize() {
    StringBuilder sb = new StringBuilder();
    terms.forEach((c, ts) -> ts.forEach(t -> sb.append(c).append('\t').append(t).append('\n')));
    return sb.toString();
  }

  /** Reads {@link #serialize()}'s form. */
  public static Lexicon deserialize(String text) {
    Map<String, Set<String>> m = new TreeMap<>();
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        m.computeIfAbsent(line.substring(0, tab), k -> new TreeSet<>()).add(line.substring(tab + 1));
      }
    }
    return new Lexicon(m);
  }

  /** SHA-256 of the serialised form (part of the model cache key). */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(serialize().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- loading

  /** The lexicon of an intents directory: {@code <intentsDir>/lexicon/*.yml}, or {@link #EMPTY} when there is none. */
  public static Lexicon forIntents(Path intentsDir) {
    Path dir = intentsDir.resolve(DIR);
    return Files.isDirectory(dir) ? load(dir) : EMPTY;
  }

  /**
   * Reads and validates every {@code *.yml} file of {@code dir}. Problems (invalid YAML, a concept id that is
   * not lower_snake_case, an unknown language, an empty term, a term that normalises to nothing) are
   * collected with file and line and thrown together as one {@link IntentDataException}.
   */
  public static Lexicon load(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> Files.isRegularFile(p)
          && (p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml")))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> raw = new TreeMap<>();
    TextNormalizer normalizer = new TextNormalizer();
    for (Path f : files) {
      readFile(DIR + "/" + f.getFileName(), f, raw, normalizer, problems);
    }
    if (!problems.isEmpty()) {
      throw new IntentDataException(problems);
    }
    return of(raw);
  }

  private static void readFile(String name, Path file, Map<String, List<String>> raw, TextNormalizer normalizer,
                               List<String> problems) {
    Node root = YamlNodes.compose(name, file, problems);
    if (root == null) {
      return;
    }
    Node concepts = null;
    if (root instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if ("concepts".equals(YamlNodes.scalar(t.getKeyNode()))) {
          concepts = t.getValueNode();
        }
      }
    }
    if (!(concepts instanceof MappingNode byConcept)) {
      problems.add(name + ":" + YamlNodes.line(concepts == null ? root : concepts)
          + ": expected 'concepts:' mapping concept ids to their terms by language");
      return;
    }
    for (NodeTuple c : byConcept.getValue()) {
      String id = YamlNodes.scalar(c.getKeyNode());
      if (id == null || !CONCEPT_ID.matcher(id).matches()) {
        problems.add(name + ":" + YamlNodes.line(c.getKeyNode()) + ": concept id '" + id + "' must be lower_snake_case");
        continue;
      }
      if (!(c.getValueNode() instanceof MappingNode byLang)) {
        problems.add(name + ":" + YamlNodes.line(c.getValueNode()) + ": concept '" + id + "' must map languages to lists of terms");
        continue;
      }
      for (NodeTuple t : byLang.getValue()) {
        String tag = YamlNodes.scalar(t.getKeyNode());
        if (tag == null || Language.fromTag(tag).isEmpty()) {
          problems.add(name + ":" + YamlNodes.line(t.getKeyNode()) + ": unknown language '" + tag + "' (expected zh-Hans, zh-Hant or en)");
          continue;
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
          problems.add(name + ":" + YamlNodes.line(t.getValueNode()) + ": the terms of " + id + " / " + tag + " must be a list");
          continue;
        }
        for (Node item : seq.getValue()) {
          String term = YamlNodes.scalar(item);
          List<String> units = term == null ? List.of() : termUnits(normalizer.normalize(term));
          if (term == null || term.isBlank()) {
            problems.add(name + ":" + YamlNodes.line(item) + ": empty term");
          } else if (units.isEmpty()) {
            problems.add(name + ":" + YamlNodes.line(item) + ": term \"" + term + "\" has no letter, character or digit");
          } else if (units.contains(BREAK)) {
            problems.add(name + ":" + YamlNodes.line(item) + ": term \"" + term + "\" contains punctuation, which no message run spans");
          } else {
            raw.computeIfAbsent(id, k -> new ArrayList<>()).add(term);
          }
        }
      }
    }
  }
}
