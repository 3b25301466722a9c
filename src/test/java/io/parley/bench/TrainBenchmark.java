package io.parley.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.parley.nlu.EngineConfig;
import io.parley.nlu.Example;
import io.parley.nlu.IntentDataLoader;
import io.parley.nlu.IntentModel;
import io.parley.nlu.IntentTrainer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training time on the intents directory: the categorizer alone ({@code trainModel}) and what start-up
 * does without a cache ({@code trainTuned}: threshold cross-validation plus the final model).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class TrainBenchmark {

  @Param("intents")
  public String intents;

  private List<Example> data;
  private IntentTrainer trainer;

  @Setup
  public void setUp() {
    data = new IntentDataLoader().loadIntents(Path.of(intents));
    trainer = new IntentTrainer(EngineConfig.defaults(), s -> { });
  }

  @Benchmark
  public IntentModel trainModel() {
    return trainer.train(data, "benchmark");
  }

  @Benchmark
  public IntentModel trainTuned() {
    return trainer.trainTuned(data);
  }
}
