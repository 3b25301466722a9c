package io.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.parley.nlu.Csv;
import io.parley.nlu.CsvExamples;
import io.parley.nlu.EngineConfig;
import io.parley.nlu.EvalReport;
import io.parley.nlu.Lexicon;
import io.parley.nlu.Evaluation;
import io.parley.nlu.Example;
import io.parley.nlu.IntentDataException;
import io.parley.nlu.IntentDataLoader;
import io.parley.nlu.IntentIds;
import io.parley.nlu.IntentModel;
import io.parley.nlu.IntentTrainer;
import io.parley.nlu.IntentTrainer.HeldOut;
import io.parley.nlu.OpenNlpIntentClassifier;
import io.parley.nlu.Scores;
import io.parley.nlu.ThresholdTuner;
import io.parley.nlu.Thresholds;

/**
 * {@code eval}: trains a fresh model and reports on held-out data, either {@code --train/--test[/--val]}
 * CSV files or {@code --folds K} cross-validation of the bundled intents. Results on standard output,
 * the last line being {@code accuracy=0.xxxx macro_f1=0.xxxx[ in_scope_accuracy=0.xxxx oos_recall=0.xxxx]};
 * progress on standard error; an HTML report with a confusion-matrix heat map under {@code target/}.
 */
public final class EvalCommand implements Command {

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "train a fresh intent model and report accuracy, F1, out-of-scope recall";
  }

  @Override
  public String usage() {
    return """
        usage: eval --train FILE --test FILE [--val FILE] [--intents DIR] [--report FILE]
               eval --folds K [--intents DIR] [--report FILE]
          FILEs are CSV (RFC 4180) with a header row; column 1 the text, column 2 the label.
          The label out_of_scope marks out-of-scope rows: in --train they teach what is out of scope,
          in --val they tune the out-of-scope threshold (without --val: cross-validation on --train),
          in --test they are scored as out-of-scope recall. No out_of_scope rows in --train: no threshold.
          --folds K       stratified K-fold cross-validation of the intents in DIR (default: intents)
          --intents DIR   its lexicon/ (concept terms) adds concept features, with --folds and with
                          --train alike (default: intents; --set concepts=false turns them off)
          --report FILE   HTML report (default: target/eval-report.html)
          --errors FILE   every wrongly classified row as CSV: text,gold,predicted,lang
          --set KEY=VALUE engine setting (for experiments; see src/main/java/io/parley/nlu/ENGINE.md)
        The last line is: accuracy=0.xxxx macro_f1=0.xxxx[ in_scope_accuracy=0.xxxx oos_recall=0.xxxx]
        """;
  }

  @Override
  public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
    try {
      return evaluate(args, out, err);
    } catch (IntentDataException | java.io.IOException e) {
      err.println("eval: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "") + e.getMessage());
      return 1;
    }
  }

  private int evaluate(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(args, Set.of("--train", "--test", "--val", "--folds", "--intents", "--report", "--errors", "--set"), Set.of("--help")).noPositional();
    if (a.has("--help")) {
      err.print(usage());
      return 0;
    }
    EngineConfig config = EngineSettings.apply(EngineConfig.defaults(), a.all("--set"));
    Path report = Path.of(a.get("--report", "target/eval-report.html"));
    Path errorsFile = a.has("--errors") ? Path.of(a.get("--errors", null)) : null;
    long t0 = System.nanoTime();
    Consumer<String> progress = msg -> err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + msg);
    if (a.has("--folds")) {
      if (a.has("--train") || a.has("--test") || a.has("--val")) {
        throw new UsageException("--folds cross-validates the intents directory; it does not take --train/--test/--val");
      }
      int k;
      try {
        k = Integer.parseInt(a.get("--folds", "5"));
      } catch (NumberFormatException e) {
        throw new UsageException("--folds expects a number");
      }
      if (k < 2) {
        throw new UsageException("--folds must be at least 2");
      }
      return folds(Path.of(a.get("--intents", "intents")), k, config, report, errorsFile, out, progress, t0);
    }
    if (!a.has("--train") || !a.has("--test")) {
      throw new UsageException("eval needs --train FILE and --test FILE, or --folds K");
    }
    List<Example> train = CsvExamples.read(Path.of(a.get("--train", null)));
    List<Example> test = CsvExamples.read(Path.of(a.get("--test", null)));
    List<Example> val = a.has("--val") ? CsvExamples.read(Path.of(a.get("--val", null))) : null;
    progress.accept(String.format("train %d rows, test %d rows%s", train.size(), test.size(),
        val == null ? "" : ", val " + val.size() + " rows"));
    if (train.isEmpty()) {
      throw new UsageException("the training file has no rows");
    }

    Lexicon lexicon = Lexicon.forIntents(Path.of(a.get("--intents", "intents")));
    IntentTrainer trainer = new IntentTrainer(config, lexicon, progress);
    boolean hasOos = train.stream().anyMatch(e -> IntentIds.OUT_OF_SCOPE.equals(e.label()));
    IntentModel model = trainer.train(train, "model");
    Thresholds thresholds;
    String tunedOn;
    if (val != null) {
      List<HeldOut> scored = IntentTrainer.score(model, val, 0);
      thresholds = ThresholdTuner.tune(scored, hasOos, config.oosWeight());
      if (hasOos) {
        out.println(ThresholdTuner.curve(scored));
      }
      tunedOn = "validation file (" + val.size() + " rows)";
    } else if (hasOos) {
      List<HeldOut> scored = trainer.crossValidate(train, trainer.tuningFolds(train.size()));
      thresholds = ThresholdTuner.tune(scored, true, config.oosWeight());
      out.println(ThresholdTuner.curve(scored));
      tunedOn = trainer.tuningFolds(train.size()) + "-fold cross-validation on the training file";
    } else {
      thresholds = Thresholds.none();
      tunedOn = "not tuned (closed set, no validation file)";
    }
    if (!hasOos) {
      thresholds = Thresholds.none().withAmbiguityMargin(thresholds.ambiguityMargin());
    }
    model = model.withThresholds(thresholds);
    OpenNlpIntentClassifier classifier = new OpenNlpIntentClassifier(model);
    List<Evaluation.Row> rows = new ArrayList<>(test.size());
    for (Example e : test) {
      Scores s = classifier.scores(e.text());
      rows.add(new Evaluation.Row(e, s.decide(thresholds), s.ambiguous(thresholds)));
    }
    Evaluation ev = new Evaluation(rows);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("mode", "train/test");
    facts.put("train rows", Integer.toString(train.size()));
    facts.put("test rows", Integer.toString(test.size()));
    facts.put("out-of-scope threshold", hasOos
        ? String.format(Locale.ROOT, "%.2f, out_of_scope class margin %.2f (tuned on %s, objective in_scope_accuracy + %.2f x oos_recall)",
            thresholds.outOfScope(), thresholds.oosClassMargin(), tunedOn, config.oosWeight())
        : "none (no out_of_scope rows in the training file: closed set)");
    facts.put("ambiguity margin", String.format(Locale.ROOT, "%.2f (%s)", thresholds.ambiguityMargin(),
        val != null || hasOos ? "tuned on " + tunedOn : "default"));
    facts.put("lexicon", describe(trainer));
    return finish(ev, facts, config, report, errorsFile, out, progress, t0);
  }

  private int folds(Path intentsDir, int k, EngineConfig config, Path report, Path errorsFile, PrintStream out,
                    Consumer<String> progress, long t0) throws Exception {
    List<Example> data = new IntentDataLoader().loadIntents(intentsDir);
    progress.accept(String.format("%d examples from %s, %d-fold cross-validation", data.size(), intentsDir, k));
    IntentTrainer trainer = new IntentTrainer(config, Lexicon.forIntents(intentsDir), progress);
    List<HeldOut> heldOut = trainer.crossValidate(data, k);
    boolean hasOos = data.stream().anyMatch(e -> IntentIds.OUT_OF_SCOPE.equals(e.label()));
    // Each fold is decided with thresholds tuned on the other folds' held-out scores (none of its own labels).
    List<Evaluation.Row> rows = new ArrayList<>(heldOut.size());
    for (int f = 0; f < k; f++) {
      final int fold = f;
      List<HeldOut> others = heldOut.stream().filter(h -> h.fold() != fold).toList();
      Thresholds t = ThresholdTuner.tune(others, hasOos, config.oosWeight());
      for (HeldOut h : heldOut) {
        if (h.fold() == fold) {
          rows.add(new Evaluation.Row(h.example(), h.scores().decide(t), h.scores().ambiguous(t)));
        }
      }
    }
    Thresholds all = ThresholdTuner.tune(heldOut, hasOos, config.oosWeight());
    if (hasOos) {
      out.println(ThresholdTuner.curve(heldOut));
    }
    Evaluation ev = new Evaluation(rows);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("mode", k + "-fold stratified cross-validation of " + intentsDir);
    facts.put("examples", Integer.toString(data.size()));
    facts.put("out-of-scope threshold", hasOos
        ? String.format(Locale.ROOT, "%.2f, out_of_scope class margin %.2f (tuned on all folds, objective in_scope_accuracy"
            + " + %.2f x oos_recall; each fold was scored with thresholds tuned on the other folds)",
            all.outOfScope(), all.oosClassMargin(), config.oosWeight())
        : "none (no out_of_scope examples: closed set)");
    facts.put("ambiguity margin", String.format(Locale.ROOT, "%.2f", all.ambiguityMargin()));
    facts.put("lexicon", describe(trainer));
    return finish(ev, facts, config, report, errorsFile, out, progress, t0);
  }

  private static void writeErrors(Evaluation ev, Path file) throws IOException {
    StringBuilder sb = new StringBuilder("text,gold,predicted,lang\n");
    for (Evaluation.Row r : ev.rows()) {
      if (!r.correct()) {
        Example e = r.example();
        sb.append(Csv.field(e.text())).append(',').append(Csv.field(e.label())).append(',')
            .append(Csv.field(r.predicted())).append(',')
            .append(e.language() == null ? "" : e.language().tag()).append('\n');
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  private static String describe(IntentTrainer trainer) {
    Lexicon l = trainer.lexicon();
    if (l.isEmpty()) {
      return "none";
    }
    return String.format(Locale.ROOT, "%d concepts, %d terms%s", l.terms().size(), l.termCount(),
        trainer.config().features().concepts() ? "" : " (concept features off)");
  }

  private int finish(Evaluation ev, Map<String, String> facts, EngineConfig config, Path report, Path errorsFile,
                     PrintStream out, Consumer<String> progress, long t0) throws Exception {
    facts.put("engine settings", config.toMap().toString());
    facts.put("elapsed", Duration.ofNanos(System.nanoTime() - t0).truncatedTo(ChronoUnit.SECONDS).toString()
        .substring(2).toLowerCase(Locale.ROOT));
    facts.forEach((key, v) -> out.println(key + ": " + v));
    ev.printDetails(out);
    EvalReport.write(report, "Parley intent evaluation", ev, facts);
    progress.accept("report written to " + report.toAbsolutePath());
    if (errorsFile != null) {
      writeErrors(ev, errorsFile);
      progress.accept("errors written to " + errorsFile.toAbsolutePath());
    }
    out.println(ev.summaryLine());
    out.flush();
    return 0;
  }
}
