package io.parley.store;

import io.parley.config.MemoryConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/** The store contract on the embedded store. */
class MemoryConversationStoreTest extends ConversationStoreContract {

  @Override
  protected Future<ConversationStore> newStore(Vertx vertx, Duration conversationTtl, Duration idempotencyTtl) {
    MemoryConversationStore s = new MemoryConversationStore(vertx, Clock.systemUTC(), conversationTtl, idempotencyTtl,
        new MemoryConfig(null, Duration.ofSeconds(30)));
    return s.start().map(s);
  }

  @Override
  protected Future<ConversationStore> sameDataOn(Vertx other, ConversationStore first) {
    return Future.succeededFuture(first);
  }
}
