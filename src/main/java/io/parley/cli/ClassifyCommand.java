package io.parley.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.parley.nlu.Classification;
import io.parley.nlu.entity.Entities;
import io.parley.nlu.entity.EntityExtractor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.parley.nlu.EngineConfig;
import io.parley.nlu.IntentDataException;
import io.parley.nlu.IntentModel;
import io.parley.nlu.IntentTrainer;
import io.parley.nlu.OpenNlpIntentClassifier;

/**
 * {@code classify}: utterances on standard input, one per line, to one JSON object per line on standard
 * output, in order: {@code {"text","intent","confidence","ambiguous"?,"entities":{}}}. UTF-8 in and out
 * whatever the platform default; logs go to standard error.
 */
public final class ClassifyCommand implements Command {

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public String summary() {
    return "classify utterances from standard input (one per line) into JSON lines";
  }

  @Override
  public String usage() {
    return """
        usage: classify [--intents DIR] [--cache DIR | --no-cache]
          Reads utterances from standard input, one per line (UTF-8), and writes one JSON object per line:
          {"text":"...","intent":"<id or out_of_scope>","confidence":0.0-1.0,"ambiguous":[...]?,"entities":{...}}
          --intents DIR   training data (default: intents)
          --cache DIR     where trained models are kept, keyed by a hash of data and settings (default: .model-cache)
          --no-cache      always train, keep nothing
          --instruments FILE  instrument list for entities (default: config/instruments.csv, else the jar's copy)
          --set KEY=VALUE engine setting (for experiments; see src/main/java/io/parley/nlu/ENGINE.md)
        """;
  }

  @Override
  public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
    Args a = Args.parse(args, Set.of("--intents", "--cache", "--set", "--instruments"), Set.of("--no-cache", "--help"))
        .noPositional();
    if (a.has("--help")) {
      err.print(usage());
      return 0;
    }
    Path intents = Path.of(a.get("--intents", "intents"));
    Path cache = a.has("--no-cache") ? null : Path.of(a.get("--cache", ".model-cache"));
    EngineConfig config = EngineSettings.apply(EngineConfig.defaults(), a.all("--set"));
    IntentModel model;
    try {
      model = IntentTrainer.trainOrLoad(intents, cache, config, err::println);
    } catch (IntentDataException e) {
      err.println("classify: " + e.getMessage());
      return 1;
    }
    OpenNlpIntentClassifier classifier = new OpenNlpIntentClassifier(model);
    EntityExtractor entities = a.has("--instruments")
        ? EntityExtractor.load(Path.of(a.get("--instruments"))) : EntityExtractor.loadDefault();

    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    OutputStream sink = new BufferedOutputStream(out, 1 << 16);
    boolean first = true;
    for (String line; (line = reader.readLine()) != null; ) {
      if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      first = false;
      sink.write(toJson(line, classifier.classify(line), entities.extract(line)).getBytes(StandardCharsets.UTF_8));
      sink.write('\n');
      if (!reader.ready()) {
        sink.flush();
      }
    }
    sink.flush();
    return 0;
  }

  /** One output line (without the newline); the confidence is rounded to 4 decimals. */
  static String toJson(String text, Classification c, Entities entities) {
    JsonObject line = new JsonObject()
        .put("text", text)
        .put("intent", c.intent())
        .put("confidence", Math.round(c.confidence() * 10000) / 10000.0);
    if (c.isAmbiguous()) {
      line.put("ambiguous", new JsonArray(List.copyOf(c.ambiguous())));
    }
    return line.put("entities", entities.toJson()).encode();
  }
}
