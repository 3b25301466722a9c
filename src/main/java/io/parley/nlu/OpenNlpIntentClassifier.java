package io.parley.nlu;

import java.util.ArrayList;
import java.util.List;

import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * {@link IntentClassifier} over a trained {@link IntentModel}. Thread-safe: the model is shared, and each
 * thread gets its own {@link DocumentCategorizerME} (which is not thread-safe).
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

  private final IntentModel model;
  private final String[] labels;
  private final ThreadLocal<DocumentCategorizerME> categorizer;

  public OpenNlpIntentClassifier(IntentModel model) {
    this.model = model;
    this.labels = model.labelArray();
    this.categorizer = ThreadLocal.withInitial(model::newCategorizer);
    ChineseScript.warmUp(); // builds the folding table now, not on the first message
  }

  public IntentModel model() {
    return model;
  }

  /** The raw scores of a message, before thresholds. */
  public Scores scores(String text) {
    return Scores.of(labels, probabilities(text));
  }

  /** Probabilities in the order of {@link IntentModel#labels()}. */
  public double[] probabilities(String text) {
    return categorizer.get().categorize(model.extractor().extract(text));
  }

  /** At most this many competing intents are named (the best first): enough for a clarifying question. */
  static final int MAX_AMBIGUOUS = 3;

  @Override
  public Classification classify(String text) {
    double[] probs = probabilities(text);
    Scores s = Scores.of(labels, probs);
    Thresholds t = model.thresholds();
    String intent = s.decide(t);
    boolean oos = IntentIds.OUT_OF_SCOPE.equals(intent);
    double confidence = oos ? 1.0 - s.pBest() : s.pBest();
    List<String> ambiguous = List.of();
    if (s.ambiguous(t)) {
      List<Integer> close = new ArrayList<>(3);
      for (int i = 0; i < labels.length; i++) {
        if (!IntentIds.OUT_OF_SCOPE.equals(labels[i]) && s.pBest() - probs[i] < t.ambiguityMargin()) {
          close.add(i);
        }
      }
      close.sort((x, y) -> Double.compare(probs[y], probs[x]));
      List<String> amb = new ArrayList<>(MAX_AMBIGUOUS);
      for (int i : close.subList(0, Math.min(MAX_AMBIGUOUS, close.size()))) {
        amb.add(labels[i]);
      }
      ambiguous = List.copyOf(amb);
    }
    return new Classification(intent, confidence, ambiguous, top(probs, 3));
  }

  private List<Classification.Scored> top(double[] probs, int k) {
    List<Classification.Scored> out = new ArrayList<>(k);
    boolean[] used = new boolean[probs.length];
    for (int n = 0; n < Math.min(k, probs.length); n++) {
      int best = -1;
      for (int i = 0; i < probs.length; i++) {
        if (!used[i] && (best < 0 || probs[i] > probs[best])) {
          best = i;
        }
      }
      used[best] = true;
      out.add(new Classification.Scored(labels[best], probs[best]));
    }
    return List.copyOf(out);
  }
}
