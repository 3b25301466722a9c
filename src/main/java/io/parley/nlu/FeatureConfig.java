package io.parley.nlu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which features the {@link FeatureExtractor} produces. Part of the model's identity: it is stored with
 * the model and hashed into the cache key.
 *
 * @param cjkUnigrams one feature per Chinese (or other CJK) character
 * @param cjkBigrams  one feature per pair of adjacent CJK characters
 * @param cjkTrigrams one feature per three adjacent CJK characters
 * @param words       one feature per Latin word (punctuation split off)
 * @param wordBigrams one feature per pair of adjacent Latin words / number shapes
 * @param charNgramMin smallest character n-gram of a Latin word (padded with boundary marks); 0 = none
 * @param charNgramMax largest character n-gram of a Latin word
 * @param numberShapes features for the shape of numbers (a 6-digit code, a decimal price, a small count)
 * @param cjkWords     one feature per multi-character word of the jieba segmenter (measurement only: needs
 *                     com.huaban:jieba-analysis on the class path, which is a test dependency)
 * @param cantonese    rewrite common written-Cantonese words to their Mandarin equivalents before CJK
 *                     n-grams ({@link CantoneseFolding}), so that zh-Hant and zh-Hans examples share features
 * @param stems        one more feature per English word: its Snowball (Porter 2) stem, when it differs from
 *                     the word, so that "transferred", "transfers" and "transferring" share a feature
 * @param cjkSkipBigrams one feature per pair of CJK characters one apart (a_c), for colloquial insertions
 *                     ("转个账" and "转账")
 * @param concepts     one feature per concept of the {@link Lexicon} that the message mentions (no effect
 *                     without a lexicon)
 * @param conceptPairs one more feature per pair of concepts mentioned together ("progress" with
 *                     "phone_number" differs from either alone)
 * @param hashBuckets  0 keeps feature strings; N > 0 hashes every feature into N buckets (bounds memory and
 *                     training time: L-BFGS works on buckets x labels weights); -1 (auto) chooses when
 *                     training, see {@link #resolveFor(int)}
 */
public record FeatureConfig(
    boolean cjkUnigrams,
    boolean cjkBigrams,
    boolean cjkTrigrams,
    boolean words,
    boolean wordBigrams,
    int charNgramMin,
    int charNgramMax,
    boolean numberShapes,
    boolean cjkWords,
    boolean cantonese,
    int hashBuckets,
    boolean stems,
    boolean cjkSkipBigrams,
    boolean concepts,
    boolean conceptPairs) {

  public static FeatureConfig defaults() {
    return new FeatureConfig(true, true, false, true, true, 3, 4, true, false, true, AUTO, false, false, true, false);
  }

  /** {@link #hashBuckets} value that sizes the buckets by the number of labels. */
  public static final int AUTO = -1;

  /**
   * The settings a model of {@code labels} labels is trained with: an automatic bucket count becomes
   * the power of two nearest below 2^20 / labels, between 4,096 and 32,768 (32,768 for Parley's ~31
   * labels; 4,096 for 151 labels, which keeps the weight vector small enough for the CPU cache, the
   * dominant cost of OpenNLP's L-BFGS training).
   */
  public FeatureConfig resolveFor(int labels) {
    if (hashBuckets != AUTO) {
      return this;
    }
    int b = Integer.highestOneBit(Math.max(1, (1 << 20) / Math.max(1, labels)));
    b = Math.max(4096, Math.min(32768, b));
    return new FeatureConfig(cjkUnigrams, cjkBigrams, cjkTrigrams, words, wordBigrams, charNgramMin, charNgramMax,
        numberShapes, cjkWords, cantonese, b, stems, cjkSkipBigrams, concepts, conceptPairs);
  }

  /** A copy with one setting changed, by the names used in {@link #toMap()}. */
  public FeatureConfig with(String key, String value) {
    Map<String, String> m = toMap();
    if (!m.containsKey(key)) {
      throw new IllegalArgumentException("unknown feature setting: " + key + " (known: " + m.keySet() + ")");
    }
    m.put(key, value);
    return fromMap(m);
  }

  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cjkUnigrams", Boolean.toString(cjkUnigrams));
    m.put("cjkBigrams", Boolean.toString(cjkBigrams));
    m.put("cjkTrigrams", Boolean.toString(cjkTrigrams));
    m.put("words", Boolean.toString(words));
    m.put("wordBigrams", Boolean.toString(wordBigrams));
    m.put("charNgramMin", Integer.toString(charNgramMin));
    m.put("charNgramMax", Integer.toString(charNgramMax));
    m.put("numberShapes", Boolean.toString(numberShapes));
    m.put("cjkWords", Boolean.toString(cjkWords));
    m.put("cantonese", Boolean.toString(cantonese));
    m.put("hashBuckets", Integer.toString(hashBuckets));
    m.put("stems", Boolean.toString(stems));
    m.put("cjkSkipBigrams", Boolean.toString(cjkSkipBigrams));
    m.put("concepts", Boolean.toString(concepts));
    m.put("conceptPairs", Boolean.toString(conceptPairs));
    return m;
  }

  public static FeatureConfig fromMap(Map<String, String> m) {
    FeatureConfig d = defaults();
    return new FeatureConfig(
        bool(m, "cjkUnigrams", d.cjkUnigrams),
        bool(m, "cjkBigrams", d.cjkBigrams),
        bool(m, "cjkTrigrams", d.cjkTrigrams),
        bool(m, "words", d.words),
        bool(m, "wordBigrams", d.wordBigrams),
        integer(m, "charNgramMin", d.charNgramMin),
        integer(m, "charNgramMax", d.charNgramMax),
        bool(m, "numberShapes", d.numberShapes),
        bool(m, "cjkWords", d.cjkWords),
        bool(m, "cantonese", d.cantonese),
        integer(m, "hashBuckets", d.hashBuckets),
        bool(m, "stems", d.stems),
        bool(m, "cjkSkipBigrams", d.cjkSkipBigrams),
        bool(m, "concepts", d.concepts),
        bool(m, "conceptPairs", d.conceptPairs));
  }

  private static boolean bool(Map<String, String> m, String k, boolean dflt) {
    String v = m.get(k);
    return v == null ? dflt : Boolean.parseBoolean(v.trim());
  }

  private static int integer(Map<String, String> m, String k, int dflt) {
    String v = m.get(k);
    return v == null ? dflt : Integer.parseInt(v.trim());
  }
}
