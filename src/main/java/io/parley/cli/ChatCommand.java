package io.parley.cli;

import io.parley.config.ConfigLoader;
import io.parley.config.MemoryConfig;
import io.parley.config.ParleyConfig;
import io.parley.http.ParleyServer;
import io.parley.ops.ParleyMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code parley chat}: talk to the bot from a terminal. Starts a server on the embedded store in this
 * process (or connects to {@code --url}) and speaks the web chat protocol like any client; quick
 * replies are shown as numbered choices, and typing the number presses the button.
 */
public final class ChatCommand implements Command {

  private static final String BOT = "\u001b[36m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public String summary() {
    return "chat with the bot in this terminal (embedded server, or --url of a running one)";
  }

  @Override
  public String usage() {
    return """
        Usage: parley chat [--locale zh-Hans|zh-Hant|en] [--url ws://host:port/ws/chat] [--no-color]

        Type a message and press Enter; type the number of a choice to press that button; /quit or
        end of input (Ctrl-D) leaves. Without --url a server starts in this process on the embedded
        store (the first start trains the language model, about 20 s).
        """;
  }

  @Override
  public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) throws Exception {
    Args args = Args.parse(argv, Set.of("--locale", "--url"), Set.of("--no-color")).noPositional();
    String locale = args.get("--locale");
    if (locale != null && !Set.of("zh-Hans", "zh-Hant", "en").contains(locale)) {
      throw new UsageException("--locale must be zh-Hans, zh-Hant or en");
    }
    boolean color = !args.has("--no-color") && System.console() != null;
    Vertx vertx = Vertx.vertx();
    ParleyServer server = null;
    try {
      URI target;
      if (args.has("--url")) {
        target = URI.create(args.get("--url"));
      } else {
        err.println("Starting Parley on the embedded store (the first start trains the language model)...");
        ParleyConfig base = ConfigLoader.load().withPort(0);
        ParleyConfig cfg = base.withStore(base.store().withMemory(new MemoryConfig(null, Duration.ofSeconds(30))));
        server = await(ParleyServer.start(vertx, cfg, ParleyMetrics.standalone()), 60);
        long deadline = System.currentTimeMillis() + 180_000;
        while (!server.readiness().ready() && System.currentTimeMillis() < deadline) {
          Thread.sleep(100);
        }
        if (!server.readiness().ready()) {
          err.println("parley chat: the server did not become ready: " + server.readiness().problems());
          return Cli.FAILURE;
        }
        target = URI.create("ws://127.0.0.1:" + server.port() + "/ws/chat");
      }
      return converse(vertx, target, locale, color, in, out);
    } finally {
      if (server != null) {
        await(server.stop(), 30);
      }
      await(vertx.close(), 30);
    }
  }

  private int converse(Vertx vertx, URI target, String locale, boolean color, InputStream in, PrintStream out)
      throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    AtomicReference<JsonArray> choices = new AtomicReference<>(new JsonArray());
    Semaphore replies = new Semaphore(0);
    WebSocket ws = await(client.connect(new WebSocketConnectOptions()
        .setHost(target.getHost()).setPort(target.getPort()).setURI(target.getPath())), 30);
    ws.textMessageHandler(text -> {
      JsonObject f = new JsonObject(text);
      switch (f.getString("type")) {
        case "message" -> {
          if (!"customer".equals(f.getString("from"))) {
            String who = f.getString("agentName", f.getString("from"));
            out.println((color ? BOT : "") + who + "> " + f.getString("text") + (color ? RESET : ""));
            JsonArray qr = f.getJsonArray("quickReplies", new JsonArray());
            for (int i = 0; i < qr.size(); i++) {
              out.println((color ? DIM : "") + "  " + (i + 1) + ") " + qr.getJsonObject(i).getString("title")
                  + (color ? RESET : ""));
            }
            choices.set(qr);
            replies.release();
          }
        }
        case "error" -> {
          out.println("error> " + f.getString("code") + ": " + f.getString("message"));
          replies.release();
        }
        default -> { }
      }
    });
    JsonObject hello = new JsonObject().put("type", "hello");
    if (locale != null) {
      hello.put("locale", locale);
    }
    ws.writeTextMessage(hello.encode());
    replies.tryAcquire(10, TimeUnit.SECONDS);

    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int n = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("/quit")) {
        break;
      }
      n++;
      JsonArray qr = choices.get();
      JsonObject frame;
      if (line.matches("\\d{1,2}") && Integer.parseInt(line) >= 1 && Integer.parseInt(line) <= qr.size()) {
        JsonObject pick = qr.getJsonObject(Integer.parseInt(line) - 1);
        frame = new JsonObject().put("type", "postback").put("payload", pick.getString("payload"))
            .put("title", pick.getString("title"));
      } else {
        frame = new JsonObject().put("type", "message").put("text", line);
      }
      ws.writeTextMessage(frame.put("clientMsgId", "chat-" + n).encode());
      replies.tryAcquire(10, TimeUnit.SECONDS);
    }
    await(ws.close(), 10);
    await(client.close(), 10);
    return Cli.OK;
  }

  private static <T> T await(Future<T> f, int seconds) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
