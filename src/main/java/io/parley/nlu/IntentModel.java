package io.parley.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * A trained intent model: the OpenNLP categorizer model, the feature settings and concept lexicon it was
 * trained with, and the decision thresholds tuned for it. Immutable and shareable; {@link #newCategorizer()} gives the
 * per-thread object that does the (not thread-safe) scoring.
 */
public final class IntentModel {

  static {
    ExtensionLoader.registerAllowedPackage(PrecomputedFeatureGenerator.class.getPackageName());
  }

  private static final String MODEL_FILE = "doccat.bin";
  private static final String META_FILE = "model.properties";
  private static final String LEXICON_FILE = "lexicon.tsv";

  private final DoccatModel doccat;
  private final EngineConfig config;
  private final Lexicon lexicon;
  private final Thresholds thresholds;
  private final String[] labels;
  private final FeatureExtractor extractor;
  private final Map<String, String> info;

  public IntentModel(DoccatModel doccat, EngineConfig config, Lexicon lexicon, Thresholds thresholds,
                     Map<String, String> info) {
    this.doccat = doccat;
    this.config = config;
    this.lexicon = lexicon;
    this.thresholds = thresholds;
    this.extractor = new FeatureExtractor(config.features(), lexicon);
    DocumentCategorizerME me = new DocumentCategorizerME(doccat);
    this.labels = new String[me.getNumberOfCategories()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = me.getCategory(i);
    }
    this.info = Map.copyOf(info);
  }

  /** Makes sure OpenNLP may instantiate Parley's classes by name: the feature generator, the trainer (idempotent). */
  static void registerExtensions() {
    // the static initialiser does the work
  }

  public DoccatModel doccat() {
    return doccat;
  }

  public EngineConfig config() {
    return config;
  }

  /** The concept lexicon the model's features were computed with (stored with the model). */
  public Lexicon lexicon() {
    return lexicon;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public IntentModel withThresholds(Thresholds t) {
    return new IntentModel(doccat, config, lexicon, t, info);
  }

  public IntentModel withInfo(Map<String, String> more) {
    Map<String, String> m = new HashMap<>(info);
    m.putAll(more);
    return new IntentModel(doccat, config, lexicon, thresholds, m);
  }

  /** Labels in the categorizer's order. */
  public List<String> labels() {
    return Arrays.asList(labels.clone());
  }

  String[] labelArray() {
    return labels;
  }

  public boolean hasOutOfScopeClass() {
    return Arrays.asList(labels).contains(IntentIds.OUT_OF_SCOPE);
  }

  public FeatureExtractor extractor() {
    return extractor;
  }

  /** Free-form facts about the training (example counts, training time, tuning results). */
  public Map<String, String> info() {
    return info;
  }

  /** A new categorizer over this model: use one per thread. */
  public DocumentCategorizerME newCategorizer() {
    return new DocumentCategorizerME(doccat);
  }

  /** Writes the model into {@code dir} (created if needed), atomically per file. */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path tmpModel = Files.createTempFile(dir, "doccat", ".tmp");
    try (OutputStream out = Files.newOutputStream(tmpModel)) {
      doccat.serialize(out);
    }
    Properties p = new Properties();
    config.toMap().forEach((k, v) -> p.setProperty("config." + k, v));
    p.setProperty("threshold.outOfScope", Double.toString(thresholds.outOfScope()));
    p.setProperty("threshold.oosClassMargin", Double.toString(thresholds.oosClassMargin()));
    p.setProperty("threshold.ambiguityMargin", Double.toString(thresholds.ambiguityMargin()));
    info.forEach((k, v) -> p.setProperty("info." + k, v));
    Path tmpLexicon = Files.createTempFile(dir, "lexicon", ".tmp");
    Files.writeString(tmpLexicon, lexicon.serialize(), StandardCharsets.UTF_8);
    Path tmpMeta = Files.createTempFile(dir, "meta", ".tmp");
    try (Writer w = Files.newBufferedWriter(tmpMeta, StandardCharsets.UTF_8)) {
      p.store(w, "Parley intent model");
    }
    Files.move(tmpModel, dir.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.move(tmpLexicon, dir.resolve(LEXICON_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.move(tmpMeta, dir.resolve(META_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(MODEL_FILE)) && Files.isRegularFile(dir.resolve(META_FILE));
  }

  public static IntentModel load(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve(META_FILE), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> cfg = new TreeMap<>();
    Map<String, String> info = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith("config.")) {
        cfg.put(k.substring(7), p.getProperty(k));
      } else if (k.startsWith("info.")) {
        info.put(k.substring(5), p.getProperty(k));
      }
    }
    Thresholds t = new Thresholds(
        Double.parseDouble(p.getProperty("threshold.outOfScope", "0")),
        Double.parseDouble(p.getProperty("threshold.oosClassMargin", "0")),
        Double.parseDouble(p.getProperty("threshold.ambiguityMargin", Double.toString(Thresholds.DEFAULT_MARGIN))));
    DoccatModel m;
    try (InputStream in = Files.newInputStream(dir.resolve(MODEL_FILE))) {
      m = new DoccatModel(in);
    }
    Path lexiconFile = dir.resolve(LEXICON_FILE);
    Lexicon lexicon = Files.isRegularFile(lexiconFile)
        ? Lexicon.deserialize(Files.readString(lexiconFile, StandardCharsets.UTF_8))
        : Lexicon.EMPTY;
    return new IntentModel(m, EngineConfig.fromMap(cfg), lexicon, t, info);
  }
}
