package io.parley.redis;

import static io.parley.testing.Await.await;
import static io.parley.testing.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.parley.config.RedisConfig;
import io.parley.conversation.Conversation;
import io.parley.conversation.ResumeTokens;
import io.parley.conversation.TranscriptEntry;
import io.parley.store.CaseKind;
import io.parley.store.CaseRecord;
import io.parley.store.StoreUnavailableException;
import io.parley.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What only Redis has: pub/sub, key layout and TTLs, and behaviour while Redis is down or stalls. */
@ExtendWith(VertxExtension.class)
class RedisStoreOperationsTest {

  private final String prefix = TestRedis.uniquePrefix();
  private RedisConversationStore store;

  @AfterEach
  void cleanUp() {
    if (store != null) {
      await(store.close());
    }
    TestRedis.deleteKeys(TestRedis.url(), prefix);
  }

  private RedisConversationStore open(Vertx vertx, String url) {
    RedisConfig cfg = new RedisConfig(url, prefix, Duration.ofMillis(800), Duration.ofMillis(500), Duration.ofMillis(300));
    store = new RedisConversationStore(vertx, cfg, Duration.ofHours(1), Duration.ofHours(1));
    await(store.start());
    return store;
  }

  private static Conversation conversation() {
    return Conversation.open(ResumeTokens.newId(), "webchat", "en", null, false, Instant.now(), ResumeTokens.hash("s"));
  }

  @Test
  void everyNewEntryIsPublishedOnTheConversationsChannel(Vertx vertx) throws Exception {
    RedisConversationStore s = open(vertx, TestRedis.url());
    await(s.awaitReady(Duration.ofSeconds(10)));
    Conversation c = conversation();
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    RedisClient client = RedisClient.create(TestRedis.url());
    try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
      sub.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) {
          received.add(message);
        }
      });
      sub.sync().subscribe(s.keys().events(c.id()));
      await(s.create(c, List.of(TranscriptEntry.bot("hello", List.of(), null, Instant.now()))));
      await(s.appendInbound(c.id(), TranscriptEntry.customer("hi", null, "m1", Instant.now()), "m1"));
      await(s.commit(c.id(), 0, null, List.of(TranscriptEntry.bot("reply", List.of(), null, Instant.now()))));
      for (int seq = 1; seq <= 3; seq++) {
        String m = received.poll(5, TimeUnit.SECONDS);
        JsonObject j = new JsonObject(m);
        assertEquals(c.id(), j.getString("conversationId"));
        assertEquals(seq, j.getJsonObject("entry").getLong("seq"));
      }
    } finally {
      client.shutdown();
    }
  }

  @Test
  void keysLiveUnderThePrefixWithTheConversationAsHashTag(Vertx vertx) {
    RedisConversationStore s = open(vertx, TestRedis.url());
    await(s.awaitReady(Duration.ofSeconds(10)));
    Conversation c = conversation();
    await(s.create(c, List.of(TranscriptEntry.bot("hello", List.of(), null, Instant.now()))));
    await(s.appendInbound(c.id(), TranscriptEntry.customer("hi", null, "m1", Instant.now()), "m1"));
    CaseRecord rec = await(s.createCase(new CaseRecord.Draft(CaseKind.COMPLAINT, c.id(), Instant.now(), null, null, "open")));
    List<String> keys = TestRedis.keys(TestRedis.url(), prefix);
    RedisClient client = RedisClient.create(TestRedis.url());
    try (StatefulRedisConnection<String, String> conn = client.connect()) {
      for (String k : keys) {
        assertTrue(k.startsWith(prefix), k);
        long ttl = conn.sync().ttl(k);
        if (k.contains("{" + c.id() + "}")) {
          assertTrue(ttl > 0 && ttl <= 3600, k + " ttl " + ttl);
        } else {
          assertTrue(k.contains("{cases}"), k);
          assertEquals(-1, ttl, k + " (case records are kept)");
        }
      }
      assertTrue(keys.contains(s.keys().conversation(c.id())));
      assertTrue(keys.contains(s.keys().transcript(c.id())));
      assertTrue(keys.contains(s.keys().idempotency(c.id(), "m1")));
      assertTrue(keys.contains(s.keys().caseRecord(rec.id())));
    } finally {
      client.shutdown();
    }
  }

  @Test
  void startsNotReadyWhileRedisIsDownAndConnectsWhenItComesUp(Vertx vertx) throws Exception {
    int port = TestRedis.freePort();
    RedisConversationStore s = open(vertx, "redis://127.0.0.1:" + port + "/0");
    Thread.sleep(700);
    assertFalse(s.ready());
    assertInstanceOf(StoreUnavailableException.class, failure(s.load("anything")));
    try (TestRedis.Server redis = TestRedis.start(port)) {
      await(s.awaitReady(Duration.ofSeconds(15)));
      assertTrue(s.ready());
      Conversation c = conversation();
      await(s.create(c, List.of()));
      assertEquals(c.id(), await(s.load(c.id())).id());
    }
  }

  @Test
  void aStalledRedisFailsTheCallWithinTheCommandTimeout(Vertx vertx) {
    try (TestRedis.Server redis = TestRedis.start(TestRedis.freePort())) {
      RedisConversationStore s = open(vertx, redis.url());
      await(s.awaitReady(Duration.ofSeconds(10)));
      Conversation c = conversation();
      await(s.create(c, List.of()));
      RedisClient admin = RedisClient.create(redis.url());
      try (StatefulRedisConnection<String, String> conn = admin.connect()) {
        conn.sync().clientPause(4000);
        long start = System.nanoTime();
        Throwable e = failure(s.appendInbound(c.id(), TranscriptEntry.customer("hi", null, "k", Instant.now()), "k"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(StoreUnavailableException.class, e);
        assertTrue(tookMs < 2500, "took " + tookMs + " ms");
      } finally {
        admin.shutdown();
      }
    }
  }
}
