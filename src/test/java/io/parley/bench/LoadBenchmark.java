package io.parley.bench;

import io.parley.config.ParleyConfig;
import io.parley.config.RedisConfig;
import io.parley.config.MemoryConfig;
import io.parley.config.ConfigLoader;
import io.parley.http.ParleyServer;
import io.parley.ops.ParleyMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load benchmark: many web chat connections, each a conversation, each sending its next message
 * as soon as the bot's reply to the previous one arrives (a closed loop), against a Parley server
 * started in this process on its own Vert.x (embedded store, or Redis with {@code --redis URL}), and
 * against a bare WebSocket echo server as the baseline. Reports turns per second (one turn = a
 * message, its ack, its echo and the bot's reply) and the turn latency percentiles, after a warm-up.
 *
 * <pre>
 * ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=io.parley.bench.LoadBenchmark \
 *     -Dbench.args="--connections 100 --seconds 20 [--redis redis://127.0.0.1:6379/0]"
 * </pre>
 */
public final class LoadBenchmark {

  private LoadBenchmark() {
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = options(argv);
    int connections = Integer.parseInt(a.getOrDefault("--connections", "100"));
    int seconds = Integer.parseInt(a.getOrDefault("--seconds", "20"));
    int warmup = Integer.parseInt(a.getOrDefault("--warmup", "10"));
    String redis = a.get("--redis");

    Vertx serverVertx = Vertx.vertx();
    Vertx clientVertx = Vertx.vertx();
    try {
      HttpServer echo = await(serverVertx.createHttpServer()
          .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage)).listen(0));
      run("bare WebSocket echo", clientVertx, echo.actualPort(), connections, warmup, seconds, true);

      ParleyConfig base = ConfigLoader.load(Path.of("no-such-file"), false, Map.of()).withPort(0);
      ParleyConfig cfg = base.withWebChat(base.webchat().withRateLimit(1_000_000));
      String prefix = "parley-bench:" + System.nanoTime() + ":";
      cfg = redis == null
          ? cfg.withStore(cfg.store().withMemory(new MemoryConfig(null, Duration.ofSeconds(30))))
          : cfg.withStore(cfg.store().withRedis(new RedisConfig(redis, prefix,
              Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1))));
      ParleyServer parley = await(ParleyServer.start(serverVertx, cfg, ParleyMetrics.standalone()));
      while (!parley.readiness().ready()) {
        Thread.sleep(100);
      }
      run("Parley, " + (redis == null ? "embedded store" : "Redis " + redis), clientVertx, parley.port(),
          connections, warmup, seconds, false);
      await(parley.stop());
      if (redis != null) {
        io.parley.testing.TestRedis.deleteKeys(redis, prefix);
      }
    } finally {
      clientVertx.close();
      serverVertx.close();
    }
  }

  private static void run(String name, Vertx vertx, int port, int connections, int warmup, int seconds,
      boolean echo) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(connections * 2));
    AtomicLong turns = new AtomicLong();
    long[] latencies = new long[4_000_000];
    AtomicLong recorded = new AtomicLong();
    boolean[] measuring = {false};
    boolean[] stop = {false};
    List<Future<?>> started = new ArrayList<>();
    String[] texts = {"你好 想问下佣金怎么收", "幾點收市呀", "how do i reset my trading password", "买入600519 100股 限价1700"};
    for (int i = 0; i < connections; i++) {
      int id = i;
      Promise<Void> ready = Promise.promise();
      started.add(ready.future());
      client.connect(new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI("/ws/chat"))
          .onFailure(ready::tryFail)
          .onSuccess(ws -> {
            long[] sentAt = {0};
            long[] n = {0};
            Runnable next = () -> {
              if (stop[0]) {
                return;
              }
              n[0]++;
              sentAt[0] = System.nanoTime();
              ws.writeTextMessage(new JsonObject().put("type", "message").put("text", texts[(int) (n[0] % texts.length)])
                  .put("clientMsgId", id + "-" + n[0]).encode());
            };
            ws.textMessageHandler(t -> {
              boolean turnDone;
              if (echo) {
                turnDone = true;
              } else {
                JsonObject f = new JsonObject(t);
                if ("welcome".equals(f.getString("type"))) {
                  return;
                }
                if ("message".equals(f.getString("type")) && f.getLong("seq") == 1) {
                  ready.tryComplete();
                  return;
                }
                turnDone = "message".equals(f.getString("type")) && "bot".equals(f.getString("from"));
              }
              if (!turnDone) {
                return;
              }
              if (echo && sentAt[0] == 0) {
                ready.tryComplete();
                return;
              }
              if (measuring[0]) {
                turns.incrementAndGet();
                long k = recorded.getAndIncrement();
                if (k < latencies.length) {
                  latencies[(int) k] = System.nanoTime() - sentAt[0];
                }
              }
              next.run();
            });
            ws.writeTextMessage(new JsonObject().put("type", "hello").put("locale", "zh-Hans").encode());
            ready.future().onSuccess(v -> vertx.setTimer(50, t -> next.run()));
          });
    }
    await(Future.all(started));
    Thread.sleep(warmup * 1000L);
    measuring[0] = true;
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring[0] = false;
    long elapsed = System.nanoTime() - t0;
    stop[0] = true;
    int count = (int) Math.min(recorded.get(), latencies.length);
    long[] lat = Arrays.copyOf(latencies, count);
    Arrays.sort(lat);
    System.out.printf("%-40s %d connections: %,.0f turns/s  p50 %.2f ms  p99 %.2f ms  (%d turns in %d s after %d s warm-up)%n",
        name, connections, turns.get() / (elapsed / 1e9), pct(lat, 0.50), pct(lat, 0.99), turns.get(), seconds, warmup);
    await(client.close());
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }

  private static Map<String, String> options(String[] argv) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      m.put(argv[i], argv[i + 1]);
    }
    return m;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
