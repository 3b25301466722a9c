package io.parley.redis;

import static io.parley.testing.Await.await;

import io.parley.config.RedisConfig;
import io.parley.store.HandoffStore;
import io.parley.store.HandoffStoreContract;
import io.parley.testing.TestRedis;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The handoff store contract on a real Redis; the "same data" view is a second connection. */
class RedisHandoffStoreTest extends HandoffStoreContract {

  private final String prefix = TestRedis.uniquePrefix();
  private final List<RedisConversationStore> opened = new ArrayList<>();

  private RedisHandoffStore open(Vertx vertx) {
    RedisConversationStore s = new RedisConversationStore(vertx,
        new RedisConfig(TestRedis.url(), prefix, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(500)),
        Duration.ofHours(1), Duration.ofHours(1));
    await(s.start().compose(v -> s.awaitReady(Duration.ofSeconds(10))));
    opened.add(s);
    return new RedisHandoffStore(s, io.parley.handoff.Teams.IDS);
  }

  @Override
  protected HandoffStore store(Vertx vertx) {
    return open(vertx);
  }

  @Override
  protected HandoffStore sameData(Vertx vertx) {
    return open(vertx);
  }

  @AfterEach
  void cleanUp() {
    opened.forEach(s -> await(s.close()));
    TestRedis.deleteKeys(TestRedis.url(), prefix);
  }
}
