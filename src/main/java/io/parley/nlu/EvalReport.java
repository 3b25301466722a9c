package io.parley.nlu;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A self-contained HTML page: summary, thresholds, per-label table, confusions, confusion-matrix heat map. */
public final class EvalReport {

  private EvalReport() {}

  public static void write(Path file, String title, Evaluation ev, Map<String, String> facts) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title><style>")
        .append("body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#eee}")
        .append("td.l,th.l{text-align:left}.hm td{width:14px;height:14px;padding:0;border:1px solid #f4f4f4}")
        .append(".hm th{font-weight:normal;font-size:11px}.hm th.c{writing-mode:vertical-rl;transform:rotate(180deg);")
        .append("text-align:left;vertical-align:bottom}")
        .append("</style></head><body>");
    h.append("<h1>").append(esc(title)).append("</h1>");
    h.append("<p><code>").append(esc(ev.summaryLine())).append("</code></p><table>");
    for (Map.Entry<String, String> f : facts.entrySet()) {
      h.append("<tr><th class=l>").append(esc(f.getKey())).append("</th><td class=l>").append(esc(f.getValue()))
          .append("</td></tr>");
    }
    h.append(String.format(Locale.ROOT, "<tr><th class=l>in-scope accuracy</th><td class=l>%.4f</td></tr>",
        ev.inScopeAccuracy()));
    if (ev.hasOutOfScopeRows()) {
      h.append(String.format(Locale.ROOT, "<tr><th class=l>out-of-scope recall</th><td class=l>%.4f</td></tr>",
          ev.outOfScopeRecall()));
    }
    ev.perLanguage().forEach((l, a) -> h.append(String.format(Locale.ROOT,
        "<tr><th class=l>accuracy %s</th><td class=l>%.4f (%d rows)</td></tr>", esc(l), a[1] / a[0], (int) a[0])));
    h.append("</table>");

    h.append("<h2>Confusion matrix</h2><p>Rows: gold label; columns: predicted label; colour: share of the row.</p>");
    List<String> labels = ev.labels();
    h.append("<table class=hm><tr><th></th>");
    for (String l : labels) {
      h.append("<th class=c title=\"").append(esc(l)).append("\">").append(esc(l)).append("</th>");
    }
    h.append("</tr>");
    for (String g : labels) {
      int total = 0;
      for (String p : labels) {
        total += ev.count(g, p);
      }
      h.append("<tr><th class=l>").append(esc(g)).append("</th>");
      for (String p : labels) {
        int c = ev.count(g, p);
        double share = total == 0 ? 0 : (double) c / total;
        String colour = c == 0 ? "#fff" : g.equals(p)
            ? String.format(Locale.ROOT, "rgba(0,120,0,%.3f)", 0.15 + 0.85 * share)
            : String.format(Locale.ROOT, "rgba(200,0,0,%.3f)", 0.15 + 0.85 * share);
        h.append("<td style=\"background:").append(colour).append("\" title=\"").append(esc(g)).append(" -> ")
            .append(esc(p)).append(": ").append(c).append("\"></td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");

    h.append("<h2>Per label</h2><table><tr><th class=l>label</th><th>precision</th><th>recall</th><th>F1</th>")
        .append("<th>support</th></tr>");
    for (Evaluation.LabelStats s : ev.perLabel()) {
      h.append(String.format(Locale.ROOT, "<tr><td class=l>%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%d</td></tr>",
          esc(s.label()), s.precision(), s.recall(), s.f1(), s.support()));
    }
    h.append("</table><h2>Most confused pairs</h2><table><tr><th class=l>gold</th><th class=l>predicted</th>")
        .append("<th>count</th></tr>");
    for (Evaluation.Confusion c : ev.topConfusions(30)) {
      h.append("<tr><td class=l>").append(esc(c.gold())).append("</td><td class=l>").append(esc(c.predicted()))
          .append("</td><td>").append(c.count()).append("</td></tr>");
    }
    h.append("</table><h2>Errors (first 200)</h2><table><tr><th class=l>text</th><th class=l>gold</th>")
        .append("<th class=l>predicted</th></tr>");
    int n = 0;
    for (Evaluation.Row r : ev.rows()) {
      if (!r.correct() && n++ < 200) {
        h.append("<tr><td class=l>").append(esc(r.example().text())).append("</td><td class=l>")
            .append(esc(r.example().label())).append("</td><td class=l>").append(esc(r.predicted()))
            .append("</td></tr>");
      }
    }
    h.append("</table></body></html>\n");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(h.toString());
    }
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
