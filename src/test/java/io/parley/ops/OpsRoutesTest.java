package io.parley.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.ChatClient;
import io.parley.testing.RunningServer;
import io.parley.testing.TestRedis;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.parley.config.ParleyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Health, readiness and metrics, including a server whose Redis is down at start. */
@ExtendWith(VertxExtension.class)
class OpsRoutesTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void liveReadyAndMetricsAnswerOnTheEmbeddedStore(Vertx vertx) throws Exception {
    try (RunningServer s = RunningServer.start(vertx, TestServers.memory())) {
      assertEquals(200, get(s.port(), "/health/live").statusCode());
      HttpResponse<String> ready = get(s.port(), "/health/ready");
      assertEquals(200, ready.statusCode());
      assertEquals("UP", new JsonObject(ready.body()).getString("status"));
      try (ChatClient c = s.chat()) {
        c.hello("en");
        c.next("welcome");
        c.next("message");
        c.message("hi", "m1");
        c.next("ack");
        c.next("message");
        c.next("message");
        c.sendRaw("{oops");
        c.nextError("bad_json");
        HttpResponse<String> metrics = get(s.port(), "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = metrics.body();
        assertTrue(body.contains("parley_connections{channel=\"webchat\"} 1.0"), body);
        assertTrue(body.contains("parley_messages_in_total{channel=\"webchat\"} 1.0"), body);
        assertTrue(body.contains("parley_messages_out_total{channel=\"webchat\"} 2.0"), body);
        assertTrue(body.contains("parley_errors_total{code=\"bad_json\"} 1.0"), body);
        assertTrue(body.contains("parley_store_latency_seconds_bucket{operation=\"append_inbound\""), body);
      }
      HttpResponse<String> missing = get(s.port(), "/no/such/thing");
      assertEquals(404, missing.statusCode());
      assertEquals("not_found", new JsonObject(missing.body()).getString("error"));
    }
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  /** Intent data that does not load keeps the server not ready, saying why, and processes nothing. */
  @Test
  void aModelThatCannotLoadKeepsTheServerNotReady(Vertx vertx, @TempDir Path dir) throws Exception {
    Path intents = dir.resolve("intents");
    Files.createDirectories(intents.resolve("texts"));
    Files.createDirectories(intents.resolve("flows"));
    copyTree(Path.of("intents/complaints"), intents.resolve("complaints"));
    for (String f : new String[] {"texts/conversation.yml", "texts/labels.yml", "texts/replies.yml", "flows/menu.yml", "flows/common.yml"}) {
      Files.copy(Path.of("intents").resolve(f), intents.resolve(f));
    }
    Files.writeString(intents.resolve("not_an_intent.yml"), "id: not_an_intent\nexamples:\n  en:\n    - hello\n");
    ParleyConfig base = TestServers.memory();
    ParleyConfig cfg = base.withIntents(intents, null);
    try (RunningServer s = RunningServer.startUnready(vertx, cfg)) {
      JsonObject body = null;
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline) {
        body = new JsonObject(get(s.port(), "/health/ready").body());
        if (body.getJsonObject("checks", new JsonObject()).getString("model", "").contains("failed")) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(503, get(s.port(), "/health/ready").statusCode());
      assertTrue(body.getJsonObject("checks").getString("model").contains("not_an_intent"), body.encode());
      try (ChatClient c = s.chat()) {
        c.hello("en");
        c.nextError("store_unavailable");
      }
    }
  }

  /**
   * With Redis down the server starts, says why it is not ready, answers chat traffic with
   * store_unavailable, and becomes ready by itself once Redis is there.
   */
  @Test
  void withRedisDownTheServerStartsNotReadyAndRecoversWhenRedisComesUp(Vertx vertx) throws Exception {
    int redisPort = TestRedis.freePort();
    String prefix = TestRedis.uniquePrefix();
    try (RunningServer s = RunningServer.startUnready(vertx, TestServers.redis("redis://127.0.0.1:" + redisPort + "/0", prefix))) {
      HttpResponse<String> ready = get(s.port(), "/health/ready");
      assertEquals(503, ready.statusCode());
      JsonObject body = new JsonObject(ready.body());
      assertEquals("DOWN", body.getString("status"));
      assertTrue(body.getJsonObject("checks").containsKey("store"), body.encode());
      assertTrue(body.getString("reason").contains("store not reachable"), body.encode());
      assertEquals(200, get(s.port(), "/health/live").statusCode());
      try (ChatClient c = s.chat()) {
        c.hello("en");
        c.nextError("store_unavailable");
        try (TestRedis.Server redis = TestRedis.start(redisPort)) {
          long deadline = System.currentTimeMillis() + 90_000;
          while (get(s.port(), "/health/ready").statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
          }
          assertEquals(200, get(s.port(), "/health/ready").statusCode());
          c.hello("en");
          assertEquals(0, c.next("welcome").getLong("seq"));
          assertEquals(1, c.next("message").getLong("seq"));
          c.message("hello", "m1");
          assertEquals(2, c.next("ack").getLong("seq"));
        }
      }
    }
  }
}
