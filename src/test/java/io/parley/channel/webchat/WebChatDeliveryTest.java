package io.parley.channel.webchat;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.config.ParleyConfig;
import io.parley.conversation.Author;
import io.parley.conversation.TranscriptEntry;
import io.parley.testing.ChatClient;
import io.parley.testing.RunningServer;
import io.parley.testing.TestRedis;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly-once, in-order delivery under reconnects, concurrent senders and restarts, on the embedded
 * store and on a real Redis.
 */
@ExtendWith(VertxExtension.class)
class WebChatDeliveryTest {

  private static final Duration QUIET = Duration.ofMillis(600);
  private static final List<String> PREFIXES = new ArrayList<>();

  @AfterAll
  static void deleteKeys() {
    PREFIXES.forEach(p -> TestRedis.deleteKeys(TestRedis.url(), p));
  }

  /** Settings for {@code store} ("memory" or "redis"); the same call twice gives the same data. */
  private static Function<Void, ParleyConfig> settings(String store) throws Exception {
    if (store.equals("redis")) {
      String prefix = TestRedis.uniquePrefix();
      PREFIXES.add(prefix);
      ParleyConfig c = TestServers.redis(TestRedis.url(), prefix);
      return v -> c;
    }
    Path snapshot = Files.createTempDirectory("parley-memory").resolve("store.json");
    ParleyConfig c = TestServers.memory(snapshot);
    return v -> c;
  }

  private static void awaitReady(RunningServer s) throws InterruptedException {
    for (int i = 0; i < 200 && !s.server().readiness().ready(); i++) {
      Thread.sleep(50);
    }
    assertTrue(s.server().readiness().ready(), "server not ready: " + s.server().readiness().problems());
  }

  /**
   * 50 messages; the socket is killed half-way without a close handshake; the client reconnects with
   * its lastSeq and resends what was never acknowledged (same clientMsgId). Every entry arrives
   * exactly once and in order, and every message is stored once. (The rate limit is raised: the
   * client sends as fast as it can.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aReconnectWithLastSeqMissesNothingAndDoublesNothing(String store, Vertx vertx) throws Exception {
    ParleyConfig base = settings(store).apply(null);
    ParleyConfig cfg = base.withWebChat(base.webchat().withRateLimit(1000));
    try (RunningServer server = RunningServer.start(vertx, cfg)) {
      awaitReady(server);
      List<JsonObject> seen = new ArrayList<>();
      Set<String> acked = new HashSet<>();
      String token;
      String conversationId;
      ChatClient first = server.chat();
      first.hello("en");
      JsonObject welcome = first.next("welcome");
      token = welcome.getString("resumeToken");
      conversationId = welcome.getString("conversationId");
      for (int i = 1; i <= 25; i++) {
        first.message("message " + i, "c" + i);
      }
      for (JsonObject f : first.drain(Duration.ofMillis(30))) {
        record(f, seen, acked);
      }
      first.kill();
      for (JsonObject f : first.drain(Duration.ofMillis(50))) {
        record(f, seen, acked);
      }

      try (ChatClient second = server.chat()) {
        long lastSeq = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).getLong("seq");
        second.resume(token, lastSeq);
        second.next("welcome");
        for (int i = 1; i <= 50; i++) {
          if (!acked.contains("c" + i)) {
            second.message("message " + i, "c" + i);
          }
        }
        for (JsonObject f : second.drain(QUIET)) {
          record(f, seen, acked);
        }
      }

      List<Long> seqs = seen.stream().map(f -> f.getLong("seq")).toList();
      assertEquals(LongStream.rangeClosed(1, 101).boxed().toList(), seqs, "every entry once, in order");
      List<TranscriptEntry> stored = await(server.server().store().entries(conversationId, 0, 1000));
      assertEquals(101, stored.size());
      List<String> customerTexts = stored.stream().filter(e -> e.from() == Author.CUSTOMER).map(TranscriptEntry::text).toList();
      assertEquals(50, customerTexts.size());
      assertEquals(50, new HashSet<>(customerTexts).size(), "no message stored twice");
      for (int i = 0; i < stored.size(); i++) {
        assertEquals(i + 1, stored.get(i).seq());
      }
    }
  }

  private static void record(JsonObject f, List<JsonObject> seen, Set<String> acked) {
    if ("message".equals(f.getString("type"))) {
      seen.add(f);
    } else if ("ack".equals(f.getString("type"))) {
      acked.add(f.getString("clientMsgId"));
    }
  }

  /**
   * 100 customer messages sent at once to one conversation from five sockets resumed on it: 100
   * customer entries, seq 1..n without gaps, and every socket sees every entry once, in order.
   */
  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aHundredMessagesAtOnceFromSeveralSocketsKeepOneGaplessTranscript(String store, Vertx vertx) throws Exception {
    ParleyConfig base = settings(store).apply(null);
    ParleyConfig cfg = base.withWebChat(base.webchat().withRateLimit(1000));
    int sockets = 5;
    int perSocket = 20;
    try (RunningServer server = RunningServer.start(vertx, cfg)) {
      awaitReady(server);
      List<ChatClient> clients = new ArrayList<>();
      ChatClient opener = server.chat();
      clients.add(opener);
      opener.hello("zh-Hans");
      JsonObject welcome = opener.next("welcome");
      opener.next("message");
      for (int i = 1; i < sockets; i++) {
        ChatClient c = server.chat();
        c.resume(welcome.getString("resumeToken"), 1);
        c.next("welcome");
        clients.add(c);
      }
      ExecutorService pool = Executors.newFixedThreadPool(sockets);
      try {
        List<Future<?>> sends = new ArrayList<>();
        for (int s = 0; s < sockets; s++) {
          ChatClient c = clients.get(s);
          int socket = s;
          sends.add(pool.submit(() -> {
            for (int m = 0; m < perSocket; m++) {
              c.message("买入 第" + socket + "-" + m + "条", "s" + socket + "-m" + m);
            }
          }));
        }
        for (Future<?> f : sends) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      int total = 1 + 2 * sockets * perSocket;
      Set<Long> ackSeqs = new HashSet<>();
      for (ChatClient c : clients) {
        List<JsonObject> frames = c.drain(Duration.ofSeconds(2));
        List<Long> seqs = frames.stream().filter(f -> "message".equals(f.getString("type")))
            .map(f -> f.getLong("seq")).toList();
        assertEquals(LongStream.rangeClosed(2, total).boxed().toList(), seqs, "each socket: every entry once, in order");
        frames.stream().filter(f -> "ack".equals(f.getString("type"))).forEach(f -> ackSeqs.add(f.getLong("seq")));
        c.close();
      }
      assertEquals(sockets * perSocket, ackSeqs.size(), "100 distinct acknowledged seqs");
      List<TranscriptEntry> stored = await(server.server().store().entries(welcome.getString("conversationId"), 0, 1000));
      assertEquals(total, stored.size());
      for (int i = 0; i < stored.size(); i++) {
        assertEquals(i + 1, stored.get(i).seq());
      }
      assertEquals(sockets * perSocket, stored.stream().filter(e -> e.from() == Author.CUSTOMER).count());
      Set<Long> customerSeqs = stored.stream().filter(e -> e.from() == Author.CUSTOMER).map(TranscriptEntry::seq)
          .collect(Collectors.toSet());
      assertEquals(customerSeqs, ackSeqs, "every ack names the customer entry's seq");
    }
  }

  /** A conversation survives a restart of the server, on either store. */
  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aConversationSurvivesARestart(String store, Vertx vertx) throws Exception {
    ParleyConfig cfg = settings(store).apply(null);
    String token;
    try (RunningServer before = RunningServer.start(vertx, cfg)) {
      awaitReady(before);
      try (ChatClient c = before.chat()) {
        c.hello("en");
        token = c.next("welcome").getString("resumeToken");
        c.message("before the restart", "b1");
        c.next("message");
        c.next("ack");
        c.drain(QUIET);
      }
    }
    try (RunningServer after = RunningServer.start(vertx, cfg)) {
      awaitReady(after);
      try (ChatClient c = after.chat()) {
        c.resume(token, 0);
        assertEquals(3, c.next("welcome").getLong("seq"));
        List<JsonObject> replay = c.drain(QUIET);
        assertEquals(List.of(1L, 2L, 3L), replay.stream().map(f -> f.getLong("seq")).toList());
        assertEquals("before the restart", replay.get(1).getString("text"));
        c.message("after the restart", "a1");
        assertEquals(4, c.next("ack").getLong("seq"));
        assertEquals(4, c.next("message").getLong("seq"));
        assertEquals(5, c.next("message").getLong("seq"));
        c.message("before the restart", "b1");
        assertEquals(2, c.next("ack").getLong("seq"), "de-duplication survives the restart too");
        assertTrue(c.silentFor(QUIET));
      }
    }
  }
}
