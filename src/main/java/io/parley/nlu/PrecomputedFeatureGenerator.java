package io.parley.nlu;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * OpenNLP feature generator that passes the "tokens" through unchanged: Parley computes every feature
 * itself in {@link FeatureExtractor} (configurable, which OpenNLP's no-argument generators are not)
 * and hands them to the categorizer as the document. Top-level, public, no-argument constructor and in
 * an allowed package, as OpenNLP's extension loader requires.
 */
public class PrecomputedFeatureGenerator implements FeatureGenerator {

  public PrecomputedFeatureGenerator() {}

  @Override
  public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
    return Arrays.asList(text);
  }
}
