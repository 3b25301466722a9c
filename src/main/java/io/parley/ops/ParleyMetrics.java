package io.parley.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Parley's own meters, exported at {@code /metrics} with Vert.x's and the JVM's. */
public final class ParleyMetrics {

  private static final Duration[] STORE_BUCKETS = {
      Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500)};

  private final PrometheusMeterRegistry registry;
  private final AtomicInteger connections = new AtomicInteger();

  public ParleyMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("parley_connections", connections, AtomicInteger::get)
        .description("Open chat connections")
        .tag("channel", "webchat")
        .register(registry);
  }

  /** A registry of its own (tests, embedded use). */
  public static ParleyMetrics standalone() {
    return new ParleyMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public void messageIn(String channel) {
    Counter.builder("parley_messages_in").description("Customer messages received").tag("channel", channel)
        .register(registry).increment();
  }

  public void messageOut(String channel) {
    Counter.builder("parley_messages_out").description("Messages sent to customers").tag("channel", channel)
        .register(registry).increment();
  }

  /** A message the bot did not understand ({@code out_of_scope} or {@code ambiguous}). */
  public void botMiss(String reason) {
    Counter.builder("parley_bot_misses").description("Customer messages the bot did not understand, by reason")
        .tag("reason", reason).register(registry).increment();
  }

  public void error(String code) {
    Counter.builder("parley_errors").description("Errors answered, by code").tag("code", code)
        .register(registry).increment();
  }

  public void storeCall(String operation, Duration took, boolean ok) {
    Timer.builder("parley_store_latency")
        .description("Conversation store call latency")
        .tag("operation", operation)
        .tag("outcome", ok ? "ok" : "error")
        .serviceLevelObjectives(STORE_BUCKETS)
        .register(registry)
        .record(took);
  }

  /** A handoff waited past its team's pick-up target (process 3.1.1). */
  public void pickupBreach(String team) {
    Counter.builder("parley_handoff_pickup_breaches").description("Handoffs not picked up within the team's target")
        .tag("team", team).register(registry).increment();
  }

  /** An open case passed its due time. */
  public void caseDueReminder(String kind) {
    Counter.builder("parley_case_due_reminders").description("Reminders for open cases past their due time")
        .tag("kind", kind).register(registry).increment();
  }

  public void handoffQueued(String team) {
    Counter.builder("parley_handoffs_queued").description("Conversations handed to a team")
        .tag("team", team).register(registry).increment();
  }

  /** Time from queued to picked up. */
  public void pickupTime(String team, Duration waited) {
    Timer.builder("parley_handoff_pickup_time").description("Time from handoff to an agent picking it up")
        .tag("team", team).register(registry).record(waited);
  }

  public void agentLogin(boolean ok) {
    Counter.builder("parley_agent_logins").description("Agent sign-in attempts")
        .tag("outcome", ok ? "ok" : "refused").register(registry).increment();
  }

  /** Signed-in agent console sockets on this instance. */
  public void agentSockets(java.util.function.Supplier<Number> count) {
    Gauge.builder("parley_agent_sockets", count, s -> s.get().doubleValue())
        .description("Open agent console sockets on this instance").strongReference(true).register(registry);
  }
}
