package io.parley.config;

/** Which conversation store to use ({@code store.kind}). */
public enum StoreKind {
  /** Redis when {@code store.redis.url} is set, memory otherwise. */
  AUTO,
  MEMORY,
  REDIS
}
