package io.parley.config;

import java.time.Duration;

/** Conversation store settings ({@code store.*}). */
public record StoreConfig(
    StoreKind kind,
    Duration conversationTtl,
    Duration idempotencyTtl,
    RedisConfig redis,
    MemoryConfig memory) {

  /** The store actually used: {@code auto} resolved by whether a Redis URL is set. */
  public StoreKind effectiveKind() {
    if (kind != StoreKind.AUTO) {
      return kind;
    }
    return redis.url().isEmpty() ? StoreKind.MEMORY : StoreKind.REDIS;
  }

  public StoreConfig withRedis(RedisConfig newRedis) {
    return new StoreConfig(StoreKind.REDIS, conversationTtl, idempotencyTtl, newRedis, memory);
  }

  public StoreConfig withMemory(MemoryConfig newMemory) {
    return new StoreConfig(StoreKind.MEMORY, conversationTtl, idempotencyTtl, redis, newMemory);
  }
}
