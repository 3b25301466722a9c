package io.parley.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.config.ConfigLoader;
import io.parley.config.ParleyConfig;
import io.parley.http.ParleyServer;
import io.parley.ops.ParleyMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code parley serve}: runs the server until SIGTERM / Ctrl-C, then stops gracefully. */
public final class ServeCommand implements Command {

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "run the chat server (embedded store, or Redis when REDIS_URL is set)";
  }

  @Override
  public String usage() {
    return """
        Usage: parley serve [--config FILE] [--port N]

        Runs the Parley server: web chat at /ws/chat, /health/live, /health/ready, /metrics.
        Without REDIS_URL it keeps conversations in the embedded in-memory store (snapshotted to
        store.memory.snapshot_file); with REDIS_URL=redis://host:6379/0 it keeps them in Redis.

        Options:
          --config FILE   settings file (default: config/parley.yaml when present)
          --port N        HTTP port (default: server.port, or the PORT environment variable)
          --help          this text

        Every setting can also be given as an environment variable: see README.md, Configuration.
        """;
  }

  @Override
  public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) throws Exception {
    Args args = Args.parse(argv, Set.of("--config", "--port"), Set.of()).noPositional();
    Path file = Path.of(args.get("--config", ConfigLoader.DEFAULT_FILE.toString()));
    ParleyConfig loaded = ConfigLoader.load(file, args.has("--config"), System.getenv());
    ParleyConfig config = args.has("--port") ? loaded.withPort(args.integer("--port", 0, 0, 65535)) : loaded;

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setJvmMetricsEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    ParleyServer server;
    try {
      server = ParleyServer.start(vertx, config, new ParleyMetrics(registry)).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("could not start: " + cause.getMessage(), cause);
    }
    int port = server.port();
    err.printf("Parley is running on port %d. Open ws://localhost:%d/ws/chat (see README), "
        + "health at http://localhost:%d/health/ready. Ctrl-C stops it.%n", port, port, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop().eventually(vertx::close).onComplete(ar -> stopped.countDown());
      try {
        stopped.await(config.server().shutdownGrace().toSeconds() + 10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "parley-shutdown"));
    stopped.await();
    return Cli.OK;
  }
}
