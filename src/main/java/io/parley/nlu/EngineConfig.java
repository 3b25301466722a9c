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
 */
public record EngineConfig(FeatureConfig features, TrainerConfig trainer, int tuningFolds, long seed) {

  public static EngineConfig defaults() {
    return new EngineConfig(FeatureConfig.defaults(), TrainerConfig.defaults(), 5, 42L);
  }

  /** A copy with one setting changed; keys are those of {@link FeatureConfig} and {@link TrainerConfig}, or tuningFolds / seed. */
  public EngineConfig with(String key, String value) {
    if (FeatureConfig.defaults().toMap().containsKey(key)) {
      return new EngineConfig(features.with(key, value), trainer, tuningFolds, seed);
    }
    if (TrainerConfig.defaults().toMap().containsKey(key)) {
      return new EngineConfig(features, trainer.with(key, value), tuningFolds, seed);
    }
    return switch (key) {
      case "tuningFolds" -> new EngineConfig(features, trainer, Integer.parseInt(value.trim()), seed);
      case "seed" -> new EngineConfig(features, trainer, tuningFolds, Long.parseLong(value.trim()));
      default -> throw new IllegalArgumentException("unknown engine setting: " + key);
    };
  }

  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.putAll(features.toMap());
    m.putAll(trainer.toMap());
    m.put("tuningFolds", Integer.toString(tuningFolds));
    m.put("seed", Long.toString(seed));
    return m;
  }

  public static EngineConfig fromMap(Map<String, String> m) {
    EngineConfig d = defaults();
    return new EngineConfig(FeatureConfig.fromMap(m), TrainerConfig.fromMap(m),
        Integer.parseInt(m.getOrDefault("tuningFolds", Integer.toString(d.tuningFolds)).trim()),
        Long.parseLong(m.getOrDefault("seed", Long.toString(d.seed)).trim()));
  }
}
