package io.parley.store;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/** The handoff store contract in memory. */
class MemoryHandoffStoreTest extends HandoffStoreContract {

  private MemoryHandoffStore store;

  @Override
  protected HandoffStore store(Vertx vertx) {
    store = new MemoryHandoffStore(Clock.systemUTC(), Duration.ofHours(1));
    return store;
  }

  @Override
  protected HandoffStore sameData(Vertx vertx) {
    return store;
  }
}
