package io.parley.nlu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suggests the category of a complaint (issue 6, complaint intake): a second OpenNLP categorizer, trained by
 * the intent engine's {@link IntentTrainer} with the same normalisation, features and concept lexicon, over the examples in
 * {@code intents/complaints/<category>.yml}. Closed set: every text gets one of the taxonomy's categories, so
 * there is no out-of-scope class and no threshold tuning. Thread-safe (one OpenNLP categorizer per thread).
 */
public final class ComplaintCategorizer {

  private static final Logger log = LoggerFactory.getLogger(ComplaintCategorizer.class);

  /** Where the complaint examples live, under the intents directory. */
  public static final String COMPLAINTS_DIR = "complaints";

  private final OpenNlpIntentClassifier scorer;
  private final String[] labels;

  /** A categorizer over a model trained on complaint categories (see {@link #trainOrLoad}). */
  public ComplaintCategorizer(IntentModel model) {
    this.scorer = new OpenNlpIntentClassifier(model);
    this.labels = model.labelArray();
  }

  /** The settings of the complaint model: the intent engine's defaults. */
  public static EngineConfig defaultConfig() {
    return EngineConfig.defaults();
  }

  /**
   * The complaint model for {@code intentsDir/complaints/*.yml}: loaded from {@code cacheDir} when a model of
   * the same data and settings is there ({@code complaints-<hash>/}, beside the intent model), otherwise
   * trained (one to two seconds for several hundred examples) and stored there. {@code cacheDir} may be null
   * (always train, store nothing). Blocking: call it off the event loop ({@code executeBlocking}).
   *
   * @throws IntentDataException when the data is invalid or a category has no examples
   */
  public static ComplaintCategorizer trainOrLoad(Path intentsDir, Path cacheDir, EngineConfig config,
                                                 Consumer<String> progress) throws IOException {
    Path dir = intentsDir.resolve(COMPLAINTS_DIR);
    if (!Files.isDirectory(dir)) {
      throw new IntentDataException(List.of(dir + ": not a directory"));
    }
    Lexicon lexicon = Lexicon.forIntents(intentsDir);
    String key = IntentTrainer.cacheKey(dir, config, lexicon);
    Path cached = cacheDir == null ? null : cacheDir.resolve("complaints-" + key.substring(0, 32));
    if (cached != null && IntentModel.exists(cached)) {
      try {
        IntentModel m = IntentModel.load(cached);
        log.info("complaint model loaded from {}", cached);
        return new ComplaintCategorizer(m);
      } catch (IOException | RuntimeException e) {
        log.warn("cached complaint model in {} is unreadable ({}); retraining", cached, e.toString());
      }
    }
    List<Example> data = new IntentDataLoader().loadComplaintCategories(dir);
    checkEveryCategory(data);
    IntentModel m = new IntentTrainer(config, lexicon, progress).train(data, "complaint categories")
        .withInfo(Map.of("cacheKey", key, "complaintsDir", dir.toString()));
    if (cached != null) {
      try {
        m.save(cached);
        log.info("complaint model stored in {}", cached);
      } catch (IOException e) {
        log.warn("could not store the complaint model in {} ({}); it will be retrained next time", cached, e.toString());
      }
    }
    return new ComplaintCategorizer(m);
  }

  /** {@link #trainOrLoad(Path, Path, EngineConfig, Consumer)} with {@link #defaultConfig()}, progress logged. */
  public static ComplaintCategorizer trainOrLoad(Path intentsDir, Path cacheDir) throws IOException {
    return trainOrLoad(intentsDir, cacheDir, defaultConfig(), msg -> log.info(msg));
  }

  /** A category without examples could never be suggested: that is a data error, not a quiet gap. */
  static void checkEveryCategory(List<Example> data) {
    Set<String> missing = new LinkedHashSet<>(IntentIds.complaintCategories());
    data.forEach(e -> missing.remove(e.label()));
    if (!missing.isEmpty()) {
      throw new IntentDataException(List.of(COMPLAINTS_DIR + ": no examples for the categories " + missing));
    }
  }

  /** The categories this model can give, in the model's order. */
  public List<String> categories() {
    return List.of(labels);
  }

  /**
   * The most probable category of a complaint text (any of the three languages), with the other categories
   * as alternatives. A text with nothing recognisable still gets a category, with a low confidence.
   */
  public ComplaintCategory categorize(String text) {
    Objects.requireNonNull(text, "text");
    double[] p = scorer.probabilities(text);
    List<ComplaintCategory.Scored> ranked = new ArrayList<>(labels.length);
    for (int i = 0; i < labels.length; i++) {
      ranked.add(new ComplaintCategory.Scored(labels[i], p[i]));
    }
    ranked.sort(Comparator.comparingDouble(ComplaintCategory.Scored::probability).reversed());
    ComplaintCategory.Scored best = ranked.get(0);
    return new ComplaintCategory(best.category(), best.probability(), ranked.subList(1, ranked.size()));
  }
}
