package io.parley.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.parley.nlu.Classification;
import io.parley.nlu.EngineConfig;
import io.parley.nlu.Example;
import io.parley.nlu.IntentDataLoader;
import io.parley.nlu.IntentModel;
import io.parley.nlu.IntentTrainer;
import io.parley.nlu.OpenNlpIntentClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput on one thread (= utterances per second per core), over the examples of
 * the intents directory in shuffled order (normalisation, features, categorizer, decision).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class ClassifyBenchmark {

  @Param("intents")
  public String intents;

  private OpenNlpIntentClassifier classifier;
  private String[] texts;
  private int next;

  @Setup
  public void setUp() throws Exception {
    IntentModel model = IntentTrainer.trainOrLoad(Path.of(intents), Path.of("target/bench-cache"),
        EngineConfig.defaults(), s -> { });
    classifier = new OpenNlpIntentClassifier(model);
    List<String> t = new ArrayList<>();
    for (Example e : new IntentDataLoader().loadIntents(Path.of(intents))) {
      t.add(e.text());
    }
    Collections.shuffle(t, new Random(7));
    texts = t.toArray(new String[0]);
  }

  @Benchmark
  public Classification classify() {
    String s = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    return classifier.classify(s);
  }
}
