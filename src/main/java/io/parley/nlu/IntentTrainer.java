package io.parley.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains {@link IntentModel}s: the OpenNLP categorizer, then the out-of-scope threshold and the ambiguity
 * margin from held-out scores (a validation set, or cross-validation on the training data). All methods
 * block; the server calls them inside {@code executeBlocking}.
 */
public final class IntentTrainer {

  private static final Logger log = LoggerFactory.getLogger(IntentTrainer.class);

  /** Bumped whenever a code change makes cached models stale (features, decision rule). */
  static final String ENGINE_VERSION = "2";

  private final EngineConfig config;
  private final Lexicon lexicon;
  private final Consumer<String> progress;

  /** A trainer whose models get concept features from {@code lexicon} (see {@link Lexicon}). */
  public IntentTrainer(EngineConfig config, Lexicon lexicon, Consumer<String> progress) {
    this.config = config;
    this.lexicon = lexicon;
    this.progress = progress == null ? s -> { } : progress;
    IntentModel.registerExtensions();
  }

  /** A trainer without a concept lexicon. */
  public IntentTrainer(EngineConfig config, Consumer<String> progress) {
    this(config, Lexicon.EMPTY, progress);
  }

  public IntentTrainer(EngineConfig config) {
    this(config, msg -> log.info(msg));
  }

  public EngineConfig config() {
    return config;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * The model for the intents under {@code intentsDir}, with the concept lexicon of its {@code lexicon/}
   * directory: loaded from {@code cacheDir} when a model of the same data, lexicon and settings is there, otherwise trained (thresholds by cross-validation) and stored
   * there. {@code cacheDir} may be null (always train, store nothing). Blocking.
   */
  public static IntentModel trainOrLoad(Path intentsDir, Path cacheDir, EngineConfig config, Consumer<String> progress)
      throws IOException {
    if (!Files.isDirectory(intentsDir)) {
      throw new IntentDataException(List.of(intentsDir + ": not a directory"));
    }
    Lexicon lexicon = Lexicon.forIntents(intentsDir);
    IntentTrainer trainer = new IntentTrainer(config, lexicon, progress);
    String key = cacheKey(intentsDir, config, lexicon);
    Path dir = cacheDir == null ? null : cacheDir.resolve("intents-" + key.substring(0, 32));
    if (dir != null && IntentModel.exists(dir)) {
      try {
        IntentModel m = IntentModel.load(dir);
        log.info("intent model loaded from {}", dir);
        return m;
      } catch (IOException | RuntimeException e) {
        log.warn("cached intent model in {} is unreadable ({}); retraining", dir, e.toString());
      }
    }
    List<Example> data = new IntentDataLoader().loadIntents(intentsDir);
    IntentModel m = trainer.trainTuned(data).withInfo(Map.of("cacheKey", key, "intentsDir", intentsDir.toString()));
    if (dir != null) {
      try {
        m.save(dir);
        log.info("intent model stored in {}", dir);
      } catch (IOException e) {
        log.warn("could not store the intent model in {} ({}); it will be retrained next time", dir, e.toString());
      }
    }
    return m;
  }

  public static IntentModel trainOrLoad(Path intentsDir, Path cacheDir) throws IOException {
    return trainOrLoad(intentsDir, cacheDir, EngineConfig.defaults(), msg -> log.info(msg));
  }

  /**
   * SHA-256 of the engine version, the settings, the lexicon and every training file (name and bytes) at the
   * top level of the directory.
   */
  public static String cacheKey(Path intentsDir, EngineConfig config, Lexicon lexicon) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    md.update(("engine=" + ENGINE_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
    md.update(new TreeMap<>(config.toMap()).toString().getBytes(StandardCharsets.UTF_8));
    md.update(("\nlexicon=" + lexicon.fingerprint()).getBytes(StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> s = Files.list(intentsDir)) {
      files = s.filter(p -> Files.isRegularFile(p)
          && (p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml")))
          .sorted().toList();
    }
    for (Path f : files) {
      md.update(("\nfile=" + f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(f)) {
        md.update(in.readAllBytes());
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Trains on all the data, with thresholds from cross-validation on the same data. With two or
   * more trainer threads configured, the final model and the tuning folds train side by side, one
   * thread each: the quasi-Newton trainer gains only about 1.3x from a second thread, so two
   * trainings at once finish sooner than one after the other.
   */
  public IntentModel trainTuned(List<Example> data) {
    long t0 = System.nanoTime();
    int threads = config.trainer().threads();
    IntentTrainer side = threads >= 2 ? new IntentTrainer(config.with("threads", "1"), lexicon, progress) : this;
    java.util.concurrent.ExecutorService pool = threads >= 2 ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "training-final-model");
      t.setDaemon(true);
      return t;
    }) : null;
    java.util.concurrent.Future<IntentModel> finalModel = pool == null ? null
        : pool.submit(() -> side.train(data, "final model"));
    IntentModel m;
    Thresholds t;
    try {
      List<HeldOut> heldOut = side.crossValidate(data, tuningFolds(data.size()));
      t = ThresholdTuner.tune(heldOut, containsOutOfScope(data), config.oosWeight());
      progress.accept(String.format("tuned thresholds: out_of_scope=%.2f oos_class_margin=%.2f ambiguity_margin=%.2f",
          t.outOfScope(), t.oosClassMargin(), t.ambiguityMargin()));
      m = finalModel == null ? train(data, "final model") : finalModel.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    m = m.withThresholds(t);
    Map<String, String> info = new LinkedHashMap<>();
    info.put("examples", Integer.toString(data.size()));
    info.put("trainingSeconds", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    return m.withInfo(info);
  }

  /** Trains the categorizer only; thresholds are the closed-set defaults until tuned. */
  public IntentModel train(List<Example> all, String what) {
    List<Example> data = config.oosClass() ? all
        : all.stream().filter(e -> !IntentIds.OUT_OF_SCOPE.equals(e.label())).toList();
    if (data.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    EngineConfig resolved = config.resolveFor((int) data.stream().map(Example::label).distinct().count());
    FeatureExtractor fx = new FeatureExtractor(resolved.features(), lexicon);
    List<DocumentSample> samples = new ArrayList<>(data.size());
    for (Example e : data) {
      samples.add(new DocumentSample(e.label(), fx.extract(e.text())));
    }
    TrainerConfig tc = config.trainer();
    TrainingParameters tp = new TrainingParameters();
    boolean fused = tc.fused() && QNTrainer.MAXENT_QN_VALUE.equals(tc.algorithm());
    tp.put(TrainingParameters.ALGORITHM_PARAM, fused ? FusedQnTrainer.NAME : tc.algorithm());
    tp.put(TrainingParameters.CUTOFF_PARAM, tc.cutoff());
    tp.put(TrainingParameters.ITERATIONS_PARAM, tc.iterations());
    tp.put("DataIndexer", "OnePass");
    if (QNTrainer.MAXENT_QN_VALUE.equals(tc.algorithm())) {
      tp.put("L1Cost", tc.l1());
      tp.put("L2Cost", tc.l2());
      tp.put("NumOfUpdates", tc.updates());
      tp.put("Threads", tc.threads());
    }
    long t0 = System.nanoTime();
    progress.accept(String.format("training %s: %d examples, %s, %d hash buckets, %d lexicon concepts", what,
        data.size(), tc.algorithm(), resolved.features().hashBuckets(),
        resolved.features().concepts() ? lexicon.terms().size() : 0));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "training-progress");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> progress.accept(String.format("  ... still training %s (%.0f s)", what,
        (System.nanoTime() - t0) / 1e9)), 15, 15, TimeUnit.SECONDS);
    DoccatModel model;
    try {
      model = DocumentCategorizerME.train("x-unspecified", ObjectStreamUtils.createObjectStream(samples), tp,
          new DoccatFactory(new FeatureGenerator[] {new PrecomputedFeatureGenerator()}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ticker.shutdownNow();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    progress.accept(String.format("trained %s in %.1f s", what, secs));
    Map<String, String> info = new LinkedHashMap<>();
    info.put("examples", Integer.toString(data.size()));
    info.put("trainingSeconds", String.format("%.1f", secs));
    return new IntentModel(model, resolved, lexicon, Thresholds.none(), info);
  }

  /**
   * Folds of the threshold-tuning cross-validation: {@link EngineConfig#tuningFolds()}, but 2 for more
   * than {@value #LARGE} examples (each fold is a full training: this keeps a 15,000-row eval inside its
   * time budget, and 7,500 held-out rows are plenty to tune two numbers).
   */
  public int tuningFolds(int examples) {
    return examples > LARGE ? Math.min(2, config.tuningFolds()) : config.tuningFolds();
  }

  static final int LARGE = 5000;

  /** Out-of-fold scores of every example under stratified k-fold cross-validation. */
  public List<HeldOut> crossValidate(List<Example> data, int folds) {
    int[] fold = stratifiedFolds(data, folds, config.seed());
    List<HeldOut> out = new ArrayList<>(data.size());
    for (int k = 0; k < folds; k++) {
      List<Example> train = new ArrayList<>();
      List<Example> test = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        (fold[i] == k ? test : train).add(data.get(i));
      }
      if (test.isEmpty() || train.isEmpty()) {
        continue;
      }
      IntentModel m = train(train, "fold " + (k + 1) + "/" + folds);
      out.addAll(score(m, test, k));
    }
    return out;
  }

  /** Scores examples with a model (single-threaded). */
  public static List<HeldOut> score(IntentModel m, List<Example> examples, int fold) {
    OpenNlpIntentClassifier c = new OpenNlpIntentClassifier(m);
    List<HeldOut> out = new ArrayList<>(examples.size());
    for (Example e : examples) {
      out.add(new HeldOut(e, c.scores(e.text()), fold));
    }
    return out;
  }

  /** Fold index of each example: per label, shuffled, then dealt round-robin (the deal continues across labels). */
  public static int[] stratifiedFolds(List<Example> data, int folds, long seed) {
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < data.size(); i++) {
      byLabel.computeIfAbsent(data.get(i).label(), l -> new ArrayList<>()).add(i);
    }
    int[] fold = new int[data.size()];
    Random rnd = new Random(seed);
    int next = 0;
    for (List<Integer> idx : byLabel.values()) {
      Collections.shuffle(idx, rnd);
      for (int i : idx) {
        fold[i] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  static boolean containsOutOfScope(List<Example> data) {
    for (Example e : data) {
      if (IntentIds.OUT_OF_SCOPE.equals(e.label())) {
        return true;
      }
    }
    return false;
  }

  /** One held-out example with its scores and the fold it was held out in. */
  public record HeldOut(Example example, Scores scores, int fold) {}
}
