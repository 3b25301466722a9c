package io.parley.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.parley.nlu.CsvExamples;
import io.parley.nlu.EngineConfig;
import io.parley.nlu.Example;
import io.parley.nlu.IntentModel;
import io.parley.nlu.IntentTrainer;
import io.parley.nlu.ThresholdTuner;
import io.parley.nlu.Thresholds;

/** Development harness: train on a CSV with settings, score a validation CSV, print one line. */
public final class Experiment {
  public static void main(String[] args) throws Exception {
    List<Example> train = CsvExamples.read(Path.of(args[0]));
    List<Example> val = CsvExamples.read(Path.of(args[1]));
    EngineConfig c = EngineSettings.apply(EngineConfig.defaults(), List.of(args).subList(2, args.length));
    IntentTrainer t = new IntentTrainer(c, s -> { });
    long t0 = System.nanoTime();
    IntentModel m = t.train(train, "x");
    double secs = (System.nanoTime() - t0) / 1e9;
    Object[] ds = ((opennlp.tools.ml.model.AbstractModel) m.doccat().getMaxentModel()).getDataStructures();
    int preds = ((String[]) ds[2]).length;
    List<IntentTrainer.HeldOut> h = IntentTrainer.score(m, val, 0);
    Thresholds closed = new Thresholds(0, 0, 0);
    Thresholds tuned = ThresholdTuner.tune(h, true, c.oosWeight());
    System.out.printf(Locale.ROOT, "%s | preds=%d train=%.1fs | closed: in=%.4f oos=%.4f | tuned t=%.2f m=%.2f: in=%.4f oos=%.4f%n",
        String.join(" ", List.of(args).subList(2, args.length)), preds, secs,
        ThresholdTuner.inScopeAccuracy(h, closed), ThresholdTuner.outOfScopeRecall(h, closed),
        tuned.outOfScope(), tuned.oosClassMargin(), ThresholdTuner.inScopeAccuracy(h, tuned), ThresholdTuner.outOfScopeRecall(h, tuned));
  }
}
