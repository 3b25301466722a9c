package io.parley.conversation;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the turns of one conversation one after the other inside this process (different
 * conversations run in parallel). Each task starts on the context of the code that queued it, so a
 * socket's handlers stay on its event loop. Across processes, the store's version check does the same.
 */
final class TurnQueue {

  private final Vertx vertx;
  private final ConcurrentHashMap<String, Future<Void>> tails = new ConcurrentHashMap<>();

  TurnQueue(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Queues {@code task} behind the earlier turns of {@code key}. The queue moves on when the
   * future the task returns completes, whatever its outcome.
   */
  Future<Void> run(String key, Supplier<Future<?>> task) {
    Context ctx = vertx.getOrCreateContext();
    Promise<Void> done = Promise.promise();
    Future<Void> mine = done.future();
    Future<Void> previous = tails.put(key, mine);
    Runnable start = () -> ctx.runOnContext(v -> {
      Future<?> f;
      try {
        f = task.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        tails.remove(key, mine);
        done.complete();
      });
    });
    if (previous == null) {
      start.run();
    } else {
      previous.onComplete(ar -> start.run());
    }
    return mine;
  }

  /** Conversations with a turn queued or running. */
  int busy() {
    return tails.size();
  }
}
