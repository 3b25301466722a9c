package io.parley.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A blocking client of the agent console socket {@code /ws/agent}. */
public final class AgentSocketClient implements AutoCloseable {

  private final HttpClient http;
  private final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> queue;

  private AgentSocketClient(HttpClient http, WebSocket ws, LinkedBlockingQueue<JsonObject> queue) {
    this.http = http;
    this.ws = ws;
    this.queue = queue;
  }

  /** Connects with {@code ?token=} (null: none). */
  public static AgentSocketClient connect(int port, String token) {
    HttpClient http = HttpClient.newHttpClient();
    LinkedBlockingQueue<JsonObject> q = new LinkedBlockingQueue<>();
    StringBuilder partial = new StringBuilder();
    String query = token == null ? "" : "?token=" + token;
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/agent" + query),
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              q.add(new JsonObject(partial.toString()));
              partial.setLength(0);
            }
            w.request(1);
            return null;
          }
        }).join();
    return new AgentSocketClient(http, ws, q);
  }

  /** The HTTP status of a refused handshake (-1 when it was accepted). */
  public static int refusedStatus(int port, String token) {
    try {
      connect(port, token).close();
      return -1;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw e;
    }
  }

  public void send(JsonObject frame) {
    ws.sendText(frame.encode(), true).join();
  }

  /** The first frame (skipping others) that matches, failing after 10 s. */
  public JsonObject until(Predicate<JsonObject> p) {
    long deadline = System.currentTimeMillis() + 10_000;
    try {
      while (System.currentTimeMillis() < deadline) {
        JsonObject f = queue.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        if (f != null && p.test(f)) {
          return f;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fail("no matching frame on the agent socket within 10 s");
    return null;
  }

  public JsonObject until(String type) {
    return until(f -> type.equals(f.getString("type")));
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    ws.abort();
  }

  HttpClient http() {
    return http;
  }
}
