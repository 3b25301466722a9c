package io.parley.nlu;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scores of predictions against gold labels: accuracy, per-label precision/recall/F1, confusions, per language. */
public final class Evaluation {

  /** One scored test row. */
  public record Row(Example example, String predicted, boolean ambiguous) {
    public boolean correct() {
      return example.label().equals(predicted);
    }
  }

  public record LabelStats(String label, int support, int predicted, int correct) {
    public double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
      return support == 0 ? 0 : (double) correct / support;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public record Confusion(String gold, String predicted, int count) {}

  private final List<Row> rows;
  private final List<String> labels; // sorted union of gold and predicted labels
  private final Map<String, Map<String, Integer>> matrix = new TreeMap<>();

  public Evaluation(List<Row> rows) {
    this.rows = List.copyOf(rows);
    TreeSet<String> l = new TreeSet<>();
    for (Row r : rows) {
      l.add(r.example().label());
      l.add(r.predicted());
      matrix.computeIfAbsent(r.example().label(), k -> new HashMap<>()).merge(r.predicted(), 1, Integer::sum);
    }
    this.labels = List.copyOf(l);
  }

  public List<Row> rows() {
    return rows;
  }

  public List<String> labels() {
    return labels;
  }

  public int count(String gold, String predicted) {
    return matrix.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0);
  }

  public double accuracy() {
    return rows.isEmpty() ? 0 : (double) rows.stream().filter(Row::correct).count() / rows.size();
  }

  public List<LabelStats> perLabel() {
    Map<String, int[]> m = new TreeMap<>();
    for (String l : labels) {
      m.put(l, new int[3]);
    }
    for (Row r : rows) {
      m.get(r.example().label())[0]++;
      m.get(r.predicted())[1]++;
      if (r.correct()) {
        m.get(r.predicted())[2]++;
      }
    }
    List<LabelStats> out = new ArrayList<>();
    m.forEach((l, c) -> out.add(new LabelStats(l, c[0], c[1], c[2])));
    return out;
  }

  /** Macro-averaged F1 over the union of gold and predicted labels (a label never predicted scores 0). */
  public double macroF1() {
    List<LabelStats> s = perLabel();
    return s.isEmpty() ? 0 : s.stream().mapToDouble(LabelStats::f1).sum() / s.size();
  }

  public boolean hasOutOfScopeRows() {
    return rows.stream().anyMatch(r -> IntentIds.OUT_OF_SCOPE.equals(r.example().label()));
  }

  public double inScopeAccuracy() {
    List<Row> in = rows.stream().filter(r -> !IntentIds.OUT_OF_SCOPE.equals(r.example().label())).toList();
    return in.isEmpty() ? 0 : (double) in.stream().filter(Row::correct).count() / in.size();
  }

  public double outOfScopeRecall() {
    List<Row> oos = rows.stream().filter(r -> IntentIds.OUT_OF_SCOPE.equals(r.example().label())).toList();
    return oos.isEmpty() ? 0 : (double) oos.stream().filter(Row::correct).count() / oos.size();
  }

  /** In-scope rows wrongly sent to out_of_scope, as a share of in-scope rows. */
  public double falseOutOfScopeRate() {
    List<Row> in = rows.stream().filter(r -> !IntentIds.OUT_OF_SCOPE.equals(r.example().label())).toList();
    return in.isEmpty() ? 0 : (double) in.stream().filter(r -> IntentIds.OUT_OF_SCOPE.equals(r.predicted())).count()
        / in.size();
  }

  public List<Confusion> topConfusions(int n) {
    List<Confusion> c = new ArrayList<>();
    matrix.forEach((g, row) -> row.forEach((p, k) -> {
      if (!g.equals(p)) {
        c.add(new Confusion(g, p, k));
      }
    }));
    c.sort(Comparator.comparingInt(Confusion::count).reversed().thenComparing(Confusion::gold)
        .thenComparing(Confusion::predicted));
    return c.subList(0, Math.min(n, c.size()));
  }

  /** Accuracy per language, for rows whose language is known (sorted by tag). */
  public Map<String, double[]> perLanguage() {
    Map<String, double[]> m = new TreeMap<>();
    for (Row r : rows) {
      if (r.example().language() != null) {
        double[] a = m.computeIfAbsent(r.example().language().tag(), k -> new double[4]);
        a[0]++;
        a[1] += r.correct() ? 1 : 0;
        if (!IntentIds.OUT_OF_SCOPE.equals(r.example().label())) {
          a[2]++;
          a[3] += r.correct() ? 1 : 0;
        }
      }
    }
    return m;
  }

  public long ambiguousCount() {
    return rows.stream().filter(Row::ambiguous).count();
  }

  public long ambiguousWrongCount() {
    return rows.stream().filter(r -> r.ambiguous() && !r.correct()).count();
  }

  /** The human-readable report (everything but the final summary line). */
  public void printDetails(PrintStream out) {
    out.println("per-label results:");
    out.printf(Locale.ROOT, "  %-28s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
    for (LabelStats s : perLabel()) {
      out.printf(Locale.ROOT, "  %-28s %9.4f %9.4f %9.4f %8d%n", s.label(), s.precision(), s.recall(), s.f1(),
          s.support());
    }
    out.println("most confused pairs (gold -> predicted: count):");
    List<Confusion> conf = topConfusions(15);
    if (conf.isEmpty()) {
      out.println("  none");
    }
    for (Confusion c : conf) {
      out.printf(Locale.ROOT, "  %s -> %s: %d%n", c.gold(), c.predicted(), c.count());
    }
    Map<String, double[]> lang = perLanguage();
    if (!lang.isEmpty()) {
      out.println("per-language accuracy:");
      lang.forEach((l, a) -> out.printf(Locale.ROOT, "  %-8s accuracy=%.4f (%d rows)  in_scope_accuracy=%.4f (%d rows)%n",
          l, a[1] / a[0], (int) a[0], a[2] == 0 ? 0 : a[3] / a[2], (int) a[2]));
    }
    out.printf(Locale.ROOT, "in-scope accuracy: %.4f%n", inScopeAccuracy());
    if (hasOutOfScopeRows()) {
      out.printf(Locale.ROOT, "out-of-scope recall: %.4f%n", outOfScopeRecall());
    }
    out.printf(Locale.ROOT, "in-scope messages sent to out_of_scope: %.4f%n", falseOutOfScopeRate());
    out.printf(Locale.ROOT, "ambiguous: %d rows flagged, %d of them wrong%n", ambiguousCount(), ambiguousWrongCount());
  }

  /** {@code accuracy=0.xxxx macro_f1=0.xxxx[ in_scope_accuracy=0.xxxx oos_recall=0.xxxx]} */
  public String summaryLine() {
    String s = String.format(Locale.ROOT, "accuracy=%.4f macro_f1=%.4f", accuracy(), macroF1());
    if (hasOutOfScopeRows()) {
      s += String.format(Locale.ROOT, " in_scope_accuracy=%.4f oos_recall=%.4f", inScopeAccuracy(), outOfScopeRecall());
    }
    return s;
  }
}
