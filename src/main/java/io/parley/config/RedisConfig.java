package io.parley.config;

import java.time.Duration;

/** Redis connection settings ({@code store.redis.*}). */
public record RedisConfig(
    String url,
    String prefix,
    Duration commandTimeout,
    Duration connectTimeout,
    Duration reconnectMaxDelay) {

  public RedisConfig withUrlAndPrefix(String newUrl, String newPrefix) {
    return new RedisConfig(newUrl, newPrefix, commandTimeout, connectTimeout, reconnectMaxDelay);
  }
}
