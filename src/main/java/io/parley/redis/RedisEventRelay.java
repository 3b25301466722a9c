package io.parley.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.parley.conversation.EventPublisher;
import io.parley.conversation.ResumeTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries events between instances that share a Redis: every event this instance publishes goes out
 * on the channel {@code {prefix}events} as {@code {"origin","address","body"}}; one subscription per
 * process (its own pub/sub connection) publishes the other instances' events on the local event bus
 * and skips its own by the origin id. Pub/sub is fire-and-forget: an event published while an
 * instance is disconnected is lost for it (customer sockets then catch up from the store at the next
 * entry or resume).
 */
public final class RedisEventRelay implements EventPublisher.Relay {

  private static final Logger LOG = LoggerFactory.getLogger(RedisEventRelay.class);

  private final Vertx vertx;
  private final RedisConversationStore redis;
  private final String channel;
  private final String origin = ResumeTokens.newId();
  private final AtomicLong dropped = new AtomicLong();
  private volatile StatefulRedisPubSubConnection<String, String> connection;
  private volatile boolean subscribed;

  public RedisEventRelay(Vertx vertx, RedisConversationStore redis) {
    this.vertx = vertx;
    this.redis = redis;
    this.channel = redis.keys().relayChannel();
  }

  /** Subscribes (in the background: Lettuce reconnects and subscribes again after a Redis outage). */
  public Future<Void> start() {
    return Future.fromCompletionStage(redis.connectPubSub(), vertx.getOrCreateContext()).compose(c -> {
      connection = c;
      c.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String ch, String message) {
          receive(message);
        }
      });
      return Future.fromCompletionStage(c.async().subscribe(channel), vertx.getOrCreateContext());
    }).<Void>mapEmpty().onSuccess(v -> subscribed = true).onSuccess(v -> LOG.info("relaying events between instances on {} (instance {})", channel, origin));
  }

  /** Whether the subscription is in place (Lettuce renews it after a reconnect). */
  public boolean subscribed() {
    return subscribed;
  }

  public Future<Void> close() {
    StatefulRedisPubSubConnection<String, String> c = connection;
    return c == null ? Future.succeededFuture()
        : Future.fromCompletionStage(c.closeAsync(), vertx.getOrCreateContext()).mapEmpty();
  }

  @Override
  public void relay(String address, JsonObject body) {
    String message = new JsonObject().put("origin", origin).put("address", address).put("body", body).encode();
    redis.call(c -> c.publish(channel, message)).onFailure(e -> {
      if (dropped.incrementAndGet() % 100 == 1) {
        LOG.warn("event not relayed to other instances ({} so far): {}", dropped.get(), e.toString());
      }
    });
  }

  private void receive(String message) {
    try {
      JsonObject m = new JsonObject(message);
      if (origin.equals(m.getString("origin"))) {
        return;
      }
      String address = m.getString("address");
      JsonObject body = m.getJsonObject("body");
      if (address != null && address.startsWith("parley.") && body != null) {
        vertx.eventBus().publish(address, body);
      }
    } catch (RuntimeException e) {
      LOG.debug("ignored a malformed relayed event: {}", e.toString());
    }
  }
}
