package io.parley.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a message into the feature strings the categorizer sees. Works on the {@link TextNormalizer}'s
 * output, so Traditional and Simplified spellings, full-width and half-width forms, and upper and lower
 * case give the same features. Stateless and thread-safe.
 *
 * <p>Tokens: a run of CJK characters gives character unigrams and bigrams (a segmenter is not needed:
 * bigrams capture most two-character words); a run of letters is a Latin word (apostrophes inside it
 * are dropped, other punctuation splits); a run of digits (with inner {@code .} or {@code ,}) is a number
 * kept as its shape ({@code #6} for a six-digit code, {@code #4.2} for a price, the value itself for
 * a one- or two-digit count); {@code ? + % @ $} are kept as symbol tokens; other punctuation is dropped.
 * Each concept of the {@link Lexicon} that the message mentions adds one feature.
 */
public final class FeatureExtractor {

  private static final String BIAS = "_b";

  /** Bucket names shared by every extractor with the same bucket count (no string is built per feature). */
  private static final ConcurrentHashMap<Integer, String[]> BUCKET_NAMES = new ConcurrentHashMap<>();

  private final TextNormalizer normalizer = new TextNormalizer();
  private final FeatureConfig config;
  private final Lexicon lexicon;
  private final String[] bucketNames;

  public FeatureExtractor(FeatureConfig config) {
    this(config, Lexicon.EMPTY);
  }

  /** With concept features from {@code lexicon} (when {@link FeatureConfig#concepts()} is on). */
  public FeatureExtractor(FeatureConfig config, Lexicon lexicon) {
    if (config.hashBuckets() < 0) {
      throw new IllegalArgumentException("automatic hash buckets: resolve the config for the label count first");
    }
    this.config = config;
    this.lexicon = config.concepts() ? lexicon : Lexicon.EMPTY;
    this.bucketNames = bucketNames(config.hashBuckets());
  }

  private static String[] bucketNames(int buckets) {
    if (buckets <= 0 || buckets > 1 << 20) {
      return null;
    }
    return BUCKET_NAMES.computeIfAbsent(buckets, b -> {
      String[] names = new String[b];
      for (int i = 0; i < b; i++) {
        names[i] = "h" + i;
        names[i].hashCode(); // cached in the string: the categorizer's map lookups need it
      }
      return names;
    });
  }

  public FeatureConfig config() {
    return config;
  }

  /** Normalises then extracts. */
  public String[] extract(String rawText) {
    return extractNormalized(normalizer.normalize(rawText));
  }

  /** Extracts from text already normalised by {@link TextNormalizer}. */
  public String[] extractNormalized(String s) {
    List<String> f = new ArrayList<>(64);
    f.add(BIAS);
    List<String> seq = new ArrayList<>(); // Latin words and number shapes, in order, for word bigrams
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (isCjk(cp)) {
        int j = i;
        while (j < n && isCjk(s.codePointAt(j))) {
          j += Character.charCount(s.codePointAt(j));
        }
        cjkRun(s.substring(i, j), f);
        seq.add("|"); // a CJK run breaks word bigrams
        i = j;
      } else if (Character.isLetter(cp)) {
        StringBuilder w = new StringBuilder();
        int j = i;
        while (j < n) {
          int c = s.codePointAt(j);
          if (Character.isLetter(c) && !isCjk(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            w.appendCodePoint(c);
            j += Character.charCount(c);
          } else if ((c == '\'' || c == '\u2019') && j + 1 < n && Character.isLetter(s.codePointAt(j + 1))
              && !isCjk(s.codePointAt(j + 1))) {
            j++; // what's -> whats
          } else {
            break;
          }
        }
        word(w.toString(), f, seq);
        i = j;
      } else if (Character.isDigit(cp)) {
        int j = i;
        while (j < n) {
          char c = s.charAt(j);
          if (Character.isDigit(c)) {
            j++;
          } else if ((c == '.' || c == ',') && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
            j++;
          } else {
            break;
          }
        }
        number(s.substring(i, j), f, seq);
        i = j;
      } else {
        if (cp == '?' || cp == '+' || cp == '%' || cp == '@' || cp == '$') {
          f.add("s:" + (char) cp);
        } else if (cp != ' ') {
          seq.add("|");
        }
        i += len;
      }
    }
    List<String> concepts = lexicon.conceptsIn(s);
    for (int a = 0; a < concepts.size(); a++) {
      f.add("c:" + concepts.get(a));
      if (config.conceptPairs()) {
        for (int b = 0; b < concepts.size(); b++) {
          if (concepts.get(a).compareTo(concepts.get(b)) < 0) {
            f.add("cc:" + concepts.get(a) + "&" + concepts.get(b));
          }
        }
      }
    }
    if (config.wordBigrams()) {
      for (int k = 1; k < seq.size(); k++) {
        String a = seq.get(k - 1);
        String b = seq.get(k);
        if (!a.equals("|") && !b.equals("|")) {
          f.add("wb:" + a + "_" + b);
        }
      }
    }
    String[] out = f.toArray(new String[0]);
    if (config.hashBuckets() > 0) {
      for (int k = 0; k < out.length; k++) {
        int bucket = bucket(out[k], config.hashBuckets());
        out[k] = bucketNames != null ? bucketNames[bucket] : "h" + bucket;
      }
    }
    return out;
  }

  private void cjkRun(String original, List<String> f) {
    String run = config.cantonese() ? CantoneseFolding.apply(original) : original;
    if (config.cjkWords()) {
      for (String w : JiebaWords.segment(run)) {
        if (w.codePointCount(0, w.length()) > 1) {
          f.add("cw:" + w);
        }
      }
    }
    int[] cps = run.codePoints().toArray();
    for (int k = 0; k < cps.length; k++) {
      if (config.cjkUnigrams()) {
        f.add(new StringBuilder(4).append("u:").appendCodePoint(cps[k]).toString());
      }
      if (config.cjkBigrams() && k + 1 < cps.length) {
        f.add(new StringBuilder(6).append("b:").appendCodePoint(cps[k]).appendCodePoint(cps[k + 1]).toString());
      }
      if (config.cjkSkipBigrams() && k + 2 < cps.length) {
        f.add(new StringBuilder(6).append("k:").appendCodePoint(cps[k]).appendCodePoint(cps[k + 2]).toString());
      }
      if (config.cjkTrigrams() && k + 2 < cps.length) {
        f.add(new StringBuilder(8).append("t:").appendCodePoint(cps[k]).appendCodePoint(cps[k + 1])
            .appendCodePoint(cps[k + 2]).toString());
      }
    }
  }

  private void word(String w, List<String> f, List<String> seq) {
    if (config.words()) {
      f.add("w:" + w);
    }
    seq.add(w);
    if (config.stems() && w.length() > 3) {
      String st = Lexicon.stem(w);
      if (!st.equals(w)) {
        f.add("st:" + st);
      }
    }
    int min = config.charNgramMin();
    int max = config.charNgramMax();
    if (min > 0 && max >= min) {
      String p = "<" + w + ">";
      int len = p.length();
      for (int size = min; size <= max; size++) {
        for (int a = 0; a + size <= len; a++) {
          f.add("g:" + p.substring(a, a + size));
        }
      }
    }
  }

  private void number(String num, List<String> f, List<String> seq) {
    if (!config.numberShapes()) {
      seq.add("|");
      return;
    }
    String digits = num.replace(",", "");
    int dot = digits.indexOf('.');
    String shape;
    if (dot >= 0) {
      shape = "#" + dot + "." + (digits.length() - dot - 1);
      f.add("n:dec");
    } else if (digits.length() <= 2) {
      shape = "#" + digits.length();
      f.add("n=" + digits);
    } else {
      shape = "#" + digits.length();
    }
    f.add("n:" + shape);
    f.add("n:any");
    seq.add(shape);
  }

  static boolean isCjk(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL;
  }

  static int bucket(String feature, int buckets) {
    int h = feature.hashCode() * 0x9E3779B1;
    h ^= h >>> 15;
    return Integer.remainderUnsigned(h, buckets);
  }
}
