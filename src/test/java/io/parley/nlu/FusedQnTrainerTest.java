package io.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import opennlp.tools.ml.maxent.quasinewton.Function;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.OnePassDataIndexer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faster objective and minimiser against OpenNLP's own, on the same indexed data. */
class FusedQnTrainerTest {

  @TempDir
  Path tmp;

  /** Random sparse events: 300 events over 60 features and 5 outcomes, the outcome tied to some features. */
  private static DataIndexer indexed(long seed) throws IOException {
    Random r = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int outcome = r.nextInt(5);
      List<String> ctx = new ArrayList<>();
      ctx.add("o" + outcome + "_" + r.nextInt(4));
      for (int k = 0; k < 2 + r.nextInt(6); k++) {
        ctx.add("f" + r.nextInt(60));
      }
      events.add(new Event("label" + outcome, ctx.toArray(new String[0])));
    }
    TrainingParameters p = new TrainingParameters();
    p.put(TrainingParameters.CUTOFF_PARAM, 1);
    OnePassDataIndexer indexer = new OnePassDataIndexer();
    indexer.init(p, new HashMap<>());
    indexer.index(ObjectStreamUtils.createObjectStream(events));
    return indexer;
  }

  /** OpenNLP's parameter vector (outcome-major) in the fused layout (feature-major). */
  private static double[] toFused(double[] openNlp, int outcomes, int features) {
    double[] x = new double[openNlp.length];
    for (int o = 0; o < outcomes; o++) {
      for (int f = 0; f < features; f++) {
        x[FusedNegLogLikelihood.index(f, o, outcomes)] = openNlp[o * features + f];
      }
    }
    return x;
  }

  @Test
  void valueAndGradientEqualOpenNlpsAtAnyPointWithOneOrSeveralThreads() throws Exception {
    DataIndexer data = indexed(1);
    int outcomes = data.getOutcomeLabels().length;
    int features = data.getPredLabels().length;
    NegLogLikelihood reference = new NegLogLikelihood(data);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (FusedNegLogLikelihood fused : List.of(new FusedNegLogLikelihood(data, 1, null),
          new FusedNegLogLikelihood(data, 3, pool))) {
        Random r = new Random(7);
        for (int trial = 0; trial < 3; trial++) {
          double[] x = new double[reference.getDimension()];
          for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
          }
          double expected = reference.valueAt(x);
          double[] expectedGradient = toFused(reference.gradientAt(x).clone(), outcomes, features);
          double[] y = toFused(x, outcomes, features);
          assertEquals(expected, fused.valueAt(y), 1e-9 * Math.abs(expected));
          double[] gradient = fused.gradientAt(y);
          for (int i = 0; i < gradient.length; i++) {
            assertEquals(expectedGradient[i], gradient[i], 1e-9, "gradient component " + i);
          }
          // the gradient at a point whose value was not asked first is right too
          double[] z = y.clone();
          z[0] += 0.5;
          double[] again = fused.gradientAt(z).clone();
          double[] zRef = new double[x.length];
          for (int o = 0; o < outcomes; o++) {
            for (int f = 0; f < features; f++) {
              zRef[o * features + f] = z[FusedNegLogLikelihood.index(f, o, outcomes)];
            }
          }
          double[] expectedAgain = toFused(reference.gradientAt(zRef).clone(), outcomes, features);
          for (int i = 0; i < again.length; i++) {
            assertEquals(expectedAgain[i], again[i], 1e-9, "gradient component " + i + " at a new point");
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Counts evaluations of the objective. */
  private static final class Counting implements Function {
    final Function f;
    int values;

    Counting(Function f) {
      this.f = f;
    }

    @Override
    public int getDimension() {
      return f.getDimension();
    }

    @Override
    public double valueAt(double[] x) {
      values++;
      return f.valueAt(x);
    }

    @Override
    public double[] gradientAt(double[] x) {
      return f.gradientAt(x);
    }
  }

  private static double regularised(Function f, double[] x, double l2) {
    double sq = 0;
    for (double v : x) {
      sq += v * v;
    }
    return f.valueAt(x) + l2 * sq;
  }

  @Test
  void lbfgsReachesOpenNlpsMinimumWithFewerEvaluations() throws Exception {
    DataIndexer data = indexed(2);
    double l2 = 0.1;
    Counting theirs = new Counting(new NegLogLikelihood(data));
    double[] a = new QNMinimizer(0, l2, 100, 5, 30000).minimize(theirs);
    Counting ours = new Counting(new FusedNegLogLikelihood(data, 1, null));
    Lbfgs lbfgs = new Lbfgs(l2, 100, 5);
    double[] b = lbfgs.minimize(ours);

    double theirMinimum = regularised(new NegLogLikelihood(data), a, l2);
    double ourMinimum = regularised(new FusedNegLogLikelihood(data, 1, null), b, l2);
    assertTrue(ourMinimum <= theirMinimum * (1 + 1e-3),
        "objective at our minimum " + ourMinimum + ", at OpenNLP's " + theirMinimum);
    assertTrue(ours.values < theirs.values,
        "evaluations: ours " + ours.values + ", OpenNLP's " + theirs.values);
    assertEquals(ours.values, lbfgs.evaluations());
    assertTrue(lbfgs.iterationsRun() >= 1 && lbfgs.iterationsRun() <= 100);
  }

  @Test
  void rejectsSettingsWithoutMeaning() {
    assertThrows(IllegalArgumentException.class, () -> new Lbfgs(-1, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0.1, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0.1, 10, 0));
  }

  @Test
  void intentModelsFromEitherTrainerAgree() throws Exception {
    Path intents = TestIntents.write(tmp.resolve("intents"));
    List<Example> data = new IntentDataLoader().loadIntents(intents);
    IntentModel fused = new IntentTrainer(TestIntents.fastConfig()).train(data, "fused");
    IntentModel openNlp = new IntentTrainer(TestIntents.fastConfig().with("fused", "false")).train(data, "opennlp");
    OpenNlpIntentClassifier a = new OpenNlpIntentClassifier(fused);
    OpenNlpIntentClassifier b = new OpenNlpIntentClassifier(openNlp);
    int agree = 0;
    int rightA = 0;
    for (Example e : data) {
      Scores sa = a.scores(e.text());
      Scores sb = b.scores(e.text());
      agree += sa.best().equals(sb.best()) ? 1 : 0;
      rightA += sa.best().equals(e.label()) || e.label().equals(IntentIds.OUT_OF_SCOPE) ? 1 : 0;
    }
    assertTrue(agree >= data.size() * 0.95, agree + " of " + data.size() + " agree");
    assertTrue(rightA >= data.size() * 0.9, rightA + " of " + data.size() + " right on the training data");
  }
}
