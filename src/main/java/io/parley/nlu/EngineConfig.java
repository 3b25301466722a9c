package io.parley.nlu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that shapes a trained intent model: features, trainer, and how thresholds are tuned.
 *
 * @param features    feature extraction
 * @param trainer     OpenNLP trainer settings
 * @param tuningFolds folds of the cross-validation that tunes the out-of-scope threshold and the
 *                    ambiguity margin when no separate validation set is given
 * @param seed        shuffling seed of the folds
 * @param oosWeight   the out-of-scope rule maximises in-scope accuracy + oosWeight x out-of-scope recall
 *                    on held-out data (1: both equally; below 1: turning a customer's real request away
 *                    costs more than letting an unrelated message through)
 * @param oosClass    train the out_of_scope examples as a class (true), or use them only to tune the threshold
 */
public record EngineConfig(FeatureConfig features, TrainerConfig trainer, int tuningFolds, long seed,
                           double oosWeight, boolean oosClass) {

  public static EngineConfig defaults() {
    return new EngineConfig(FeatureConfig.defaults(), TrainerConfig.defaults(), 5, 42L, 0.5, true);
  }

  /** The settings a model of {@code labels} labels is actually trained with (automatic values resolved). */
  public EngineConfig resolveFor(int labels) {
    return new EngineConfig(features.resolveFor(labels), trainer, tuningFolds, seed, oosWeight, oosClass);
  }

  /** A copy with one setting changed; keys are those of {@link FeatureConfig} and {@link TrainerConfig}, tuningFolds / seed / oosWeight / oosClass. */
  public EngineConfig with(String key, String value) {
    if (FeatureConfig.defaults().toMap().containsKey(key)) {
      return new EngineConfig(features.with(key, value), trainer, tuningFolds, seed, oosWeight, oosClass);
    }
    if (TrainerConfig.defaults().toMap().containsKey(key)) {
      return new EngineConfig(features, trainer.with(key, value), tuningFolds, seed, oosWeight, oosClass);
    }
    return switch (key) {
      case "tuningFolds" -> new EngineConfig(features, trainer, Integer.parseInt(value.trim()), seed, oosWeight, oosClass);
      case "seed" -> new EngineConfig(features, trainer, tuningFolds, Long.parseLong(value.trim()), oosWeight, oosClass);
      case "oosClass" -> new EngineConfig(features, trainer, tuningFolds, seed, oosWeight, Boolean.parseBoolean(value.trim()));
      case "oosWeight" -> new EngineConfig(features, trainer, tuningFolds, seed, Double.parseDouble(value.trim()), oosClass);
      default -> throw new IllegalArgumentException("unknown engine setting: " + key);
    };
  }

  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.putAll(features.toMap());
    m.putAll(trainer.toMap());
    m.put("tuningFolds", Integer.toString(tuningFolds));
    m.put("seed", Long.toString(seed));
    m.put("oosWeight", Double.toString(oosWeight));
    m.put("oosClass", Boolean.toString(oosClass));
    return m;
  }

  public static EngineConfig fromMap(Map<String, String> m) {
    EngineConfig d = defaults();
    return new EngineConfig(FeatureConfig.fromMap(m), TrainerConfig.fromMap(m),
        Integer.parseInt(m.getOrDefault("tuningFolds", Integer.toString(d.tuningFolds)).trim()),
        Long.parseLong(m.getOrDefault("seed", Long.toString(d.seed)).trim()),
        Double.parseDouble(m.getOrDefault("oosWeight", Double.toString(d.oosWeight)).trim()),
        Boolean.parseBoolean(m.getOrDefault("oosClass", Boolean.toString(d.oosClass)).trim()));
  }
}
