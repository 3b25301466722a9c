package io.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A blocking web chat client for tests (the JDK's WebSocket client): send frames, take the frames
 * the server sent one by one, see how the server closed.
 */
public final class ChatClient implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> queue;
  private final CompletableFuture<Integer> closeCode;

  private ChatClient(HttpClient http, WebSocket ws, LinkedBlockingQueue<JsonObject> queue,
      CompletableFuture<Integer> closeCode) {
    this.http = http;
    this.ws = ws;
    this.queue = queue;
    this.closeCode = closeCode;
  }

  public static ChatClient connect(int port) {
    return connect(port, Map.of());
  }

  public static ChatClient connect(int port, Map<String, String> headers) {
    HttpClient http = HttpClient.newHttpClient();
    LinkedBlockingQueue<JsonObject> q = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    StringBuilder partial = new StringBuilder();
    WebSocket.Builder b = http.newWebSocketBuilder();
    headers.forEach(b::header);
    WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), new WebSocket.Listener() {
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

      @Override
      public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
      }

      @Override
      public void onError(WebSocket w, Throwable error) {
        closed.complete(-1);
      }
    }).join();
    return new ChatClient(http, ws, q, closed);
  }

  public ChatClient send(JsonObject frame) {
    return sendRaw(frame.encode());
  }

  public ChatClient sendRaw(String text) {
    ws.sendText(text, true).join();
    return this;
  }

  public ChatClient hello() {
    return send(new JsonObject().put("type", "hello"));
  }

  public ChatClient hello(String locale) {
    return send(new JsonObject().put("type", "hello").put("locale", locale));
  }

  public ChatClient resume(String token, long lastSeq) {
    return send(new JsonObject().put("type", "hello").put("resumeToken", token).put("lastSeq", lastSeq));
  }

  public ChatClient message(String text, String clientMsgId) {
    return send(new JsonObject().put("type", "message").put("text", text).put("clientMsgId", clientMsgId));
  }

  /** The next frame, failing after {@link #WAIT}. */
  public JsonObject next() {
    try {
      JsonObject f = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (f == null) {
        fail("no frame from the server within " + WAIT.toSeconds() + " s");
      }
      return f;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame, which must be of {@code type}. */
  public JsonObject next(String type) {
    JsonObject f = next();
    assertEquals(type, f.getString("type"), () -> "expected a " + type + " frame, got " + f.encode());
    return f;
  }

  /** The next frame, which must be an error with {@code code}. */
  public JsonObject nextError(String code) {
    JsonObject f = next("error");
    assertEquals(code, f.getString("code"), () -> "got " + f.encode());
    return f;
  }

  /** Every frame that arrives within {@code quiet} of the previous one. */
  public List<JsonObject> drain(Duration quiet) {
    List<JsonObject> out = new ArrayList<>();
    try {
      JsonObject f;
      while ((f = queue.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        out.add(f);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  /** Whether no frame arrives within {@code d}. */
  public boolean silentFor(Duration d) {
    return drain(d).isEmpty();
  }

  /** The close code the server sent (-1 for a broken connection), failing after {@link #WAIT}. */
  public int awaitClose() {
    try {
      return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      fail("the server did not close the connection: " + e);
      return 0;
    }
  }

  /** Drops the TCP connection without a close handshake (a network loss). */
  public void kill() {
    ws.abort();
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    ws.abort();
  }

  /** The HTTP client behind the socket (kept referenced for the socket's lifetime). */
  HttpClient http() {
    return http;
  }
}
