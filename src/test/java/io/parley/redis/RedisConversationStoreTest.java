package io.parley.redis;

import io.parley.config.RedisConfig;
import io.parley.store.ConversationStore;
import io.parley.store.ConversationStoreContract;
import io.parley.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The store contract on a real Redis, each test under its own key prefix. */
class RedisConversationStoreTest extends ConversationStoreContract {

  /** This test's key prefix, made when its first store opens (the contract's @BeforeEach runs first). */
  private String prefix;

  @AfterEach
  void deleteKeys() {
    if (prefix != null) {
      TestRedis.deleteKeys(TestRedis.url(), prefix);
      prefix = null;
    }
  }

  RedisConfig config() {
    return new RedisConfig(TestRedis.url(), prefix, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(500));
  }

  @Override
  protected Future<ConversationStore> newStore(Vertx vertx, Duration conversationTtl, Duration idempotencyTtl) {
    if (prefix == null) {
      prefix = TestRedis.uniquePrefix();
    }
    RedisConversationStore s = new RedisConversationStore(vertx, config(), conversationTtl, idempotencyTtl);
    return s.start().compose(v -> s.awaitReady(Duration.ofSeconds(10))).map(s);
  }

  @Override
  protected Future<ConversationStore> sameDataOn(Vertx other, ConversationStore first) {
    RedisConversationStore s = new RedisConversationStore(other, config(), LONG, LONG);
    return s.start().compose(v -> s.awaitReady(Duration.ofSeconds(10))).map(s);
  }
}
