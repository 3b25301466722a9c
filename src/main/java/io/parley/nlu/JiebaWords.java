package io.parley.nlu;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The jieba segmenter, reached by reflection so that it stays an optional (test-scope) dependency: it was
 * measured as an alternative to CJK bigrams ({@link FeatureConfig#cjkWords()}) and is not shipped.
 */
final class JiebaWords {

  private JiebaWords() {}

  private static final class Holder {
    static final Object SEGMENTER;
    static final Method SENTENCE_PROCESS;

    static {
      try {
        Class<?> c = Class.forName("com.huaban.analysis.jieba.JiebaSegmenter");
        SEGMENTER = c.getConstructor().newInstance();
        SENTENCE_PROCESS = c.getMethod("sentenceProcess", String.class);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cjkWords needs com.huaban:jieba-analysis on the class path", e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> segment(String text) {
    try {
      return (List<String>) Holder.SENTENCE_PROCESS.invoke(Holder.SEGMENTER, text);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
