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

  public static RunningServer start(Vertx vertx, ParleyConfig config) {
    ParleyMetrics metrics = ParleyMetrics.standalone();
    return new RunningServer(await(ParleyServer.start(vertx, config, metrics)), metrics);
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
