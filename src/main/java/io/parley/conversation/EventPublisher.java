package io.parley.conversation;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Publishes Parley's events (on the addresses of {@link Addresses}) on this process's event bus and,
 * once a relay is wired in (Redis pub/sub), to the other instances, whose relay publishes them on
 * their own event bus. So a customer socket on one instance hears what an agent did on another.
 */
public final class EventPublisher {

  /** Carries an event to the other instances. */
  public interface Relay {
    void relay(String address, JsonObject body);
  }

  private final Vertx vertx;
  private volatile Relay relay;

  public EventPublisher(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Wires the relay in (once, at start-up). */
  public void relay(Relay r) {
    this.relay = r;
  }

  public void publish(String address, JsonObject body) {
    vertx.eventBus().publish(address, body);
    Relay r = relay;
    if (r != null) {
      r.relay(address, body);
    }
  }
}
