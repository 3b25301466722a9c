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
 * @param hashBuckets  0 keeps feature strings; N > 0 hashes every feature into N buckets (bounds memory)
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
    int hashBuckets) {

  public static FeatureConfig defaults() {
    return new FeatureConfig(true, true, false, true, true, 3, 4, true, 32768);
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
    m.put("hashBuckets", Integer.toString(hashBuckets));
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
        integer(m, "hashBuckets", d.hashBuckets));
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
