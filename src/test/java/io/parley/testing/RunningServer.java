package io.parley.testing;

import static io.parley.testing.Await.await;

import io.parley.config.ParleyConfig;
import io.parley.http.ParleyServer;
import io.parley.ops.ParleyMetrics;
import io.vertx.core.Vertx;

/** A Parley server started by a test, stopped with {@link #close()}. */
public final class RunningServer implements AutoCloseable {

  private final ParleyServer server;
  private final ParleyMetrics metrics;
  private boolean stopped;

  private RunningServer(ParleyServer server, ParleyMetrics metrics) {
    this.server = server;
    this.metrics = metrics;
  }

  /** Starts a server and waits until it is ready (the first start in a test run trains the model). */
  public static RunningServer start(Vertx vertx, ParleyConfig config) {
    return start(vertx, config, java.time.Clock.systemUTC());
  }

  /** Starts a server without waiting for it to be ready. */
  public static RunningServer startUnready(Vertx vertx, ParleyConfig config) {
    return startUnready(vertx, config, java.time.Clock.systemUTC());
  }

  /** Starts a server whose handoffs, hours and tokens follow {@code clock}, and waits until it is ready. */
  public static RunningServer start(Vertx vertx, ParleyConfig config, java.time.Clock clock) {
    RunningServer s = startUnready(vertx, config, clock);
    long deadline = System.currentTimeMillis() + 180_000;
    while (!s.server.readiness().ready() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!s.server.readiness().ready()) {
      s.close();
      throw new IllegalStateException("server not ready: " + s.server.readiness().problems());
    }
    return s;
  }

  private static RunningServer startUnready(Vertx vertx, ParleyConfig config, java.time.Clock clock) {
    ParleyMetrics metrics = ParleyMetrics.standalone();
    return new RunningServer(await(ParleyServer.start(vertx, config, metrics, clock)), metrics);
  }

  public int port() {
    return server.port();
  }

  public ParleyServer server() {
    return server;
  }

  public ParleyMetrics metrics() {
    return metrics;
  }

  public ChatClient chat() {
    return ChatClient.connect(port());
  }

  @Override
  public void close() {
    if (!stopped) {
      stopped = true;
      await(server.stop());
    }
  }
}
