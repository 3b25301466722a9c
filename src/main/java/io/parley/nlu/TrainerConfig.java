package io.parley.nlu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenNLP trainer settings. Part of the model's identity (stored with it, hashed into the cache key).
 *
 * @param algorithm  {@code MAXENT_QN} (L-BFGS; the only one whose probabilities suit an out-of-scope
 *                   threshold), {@code MAXENT} (GIS), {@code PERCEPTRON} or {@code NAIVEBAYES}
 * @param cutoff     minimum number of times a feature must occur to be kept
 * @param iterations maximum training iterations
 * @param l1         L1 regularisation cost (MAXENT_QN)
 * @param l2         L2 regularisation cost (MAXENT_QN)
 * @param updates    number of L-BFGS updates kept (MAXENT_QN; memory is updates x features x labels)
 * @param threads    training threads (MAXENT_QN; 2 halves training time on an idle 2-core machine)
 * @param fused      MAXENT_QN only: train with {@link FusedQnTrainer} (the same objective and model, computed and
 *                   minimised with less work; true), or with OpenNLP's own {@code QNTrainer}
 */
public record TrainerConfig(String algorithm, int cutoff, int iterations, double l1, double l2, int updates,
                            int threads, boolean fused) {

  public static TrainerConfig defaults() {
    return new TrainerConfig("MAXENT_QN", 1, 100, 0.0, 0.1, 5, 2, true);
  }

  public TrainerConfig with(String key, String value) {
    Map<String, String> m = toMap();
    if (!m.containsKey(key)) {
      throw new IllegalArgumentException("unknown trainer setting: " + key + " (known: " + m.keySet() + ")");
    }
    m.put(key, value);
    return fromMap(m);
  }

  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("algorithm", algorithm);
    m.put("cutoff", Integer.toString(cutoff));
    m.put("iterations", Integer.toString(iterations));
    m.put("l1", Double.toString(l1));
    m.put("l2", Double.toString(l2));
    m.put("updates", Integer.toString(updates));
    m.put("threads", Integer.toString(threads));
    m.put("fused", Boolean.toString(fused));
    return m;
  }

  public static TrainerConfig fromMap(Map<String, String> m) {
    TrainerConfig d = defaults();
    return new TrainerConfig(
        m.getOrDefault("algorithm", d.algorithm).trim(),
        Integer.parseInt(m.getOrDefault("cutoff", Integer.toString(d.cutoff)).trim()),
        Integer.parseInt(m.getOrDefault("iterations", Integer.toString(d.iterations)).trim()),
        Double.parseDouble(m.getOrDefault("l1", Double.toString(d.l1)).trim()),
        Double.parseDouble(m.getOrDefault("l2", Double.toString(d.l2)).trim()),
        Integer.parseInt(m.getOrDefault("updates", Integer.toString(d.updates)).trim()),
        Integer.parseInt(m.getOrDefault("threads", Integer.toString(d.threads)).trim()),
        Boolean.parseBoolean(m.getOrDefault("fused", Boolean.toString(d.fused)).trim()));
  }
}
