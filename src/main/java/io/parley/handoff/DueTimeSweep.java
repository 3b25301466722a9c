package io.parley.handoff;

import io.parley.conversation.Addresses;
import io.parley.ops.ParleyMetrics;
import io.parley.store.CaseRecord;
import io.parley.store.ConversationStore;
import io.parley.store.HandoffRecord;
import io.parley.store.HandoffStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic due-time sweep. Each interval one instance (whichever claims the time slot in the
 * store first) looks for (a) handoffs waiting past their team's pick-up target: a {@code breach}
 * event for supervisors, a metric and a WARN, once per handoff; (b) open cases past their due time:
 * a reminder event, a metric and a log line, once per case and due time. Due times live in the
 * store, so the timers survive restarts; {@link Clock} decides what is due (tests move it).
 */
public final class DueTimeSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DueTimeSweep.class);
  private static final int BATCH = 200;
  /** How long a case reminder is remembered: one per case and due time. */
  private static final Duration REMINDER_MEMORY = Duration.ofDays(400);

  private final Vertx vertx;
  private final HandoffStore handoffs;
  private final ConversationStore store;
  private final ParleyMetrics metrics;
  private final Clock clock;
  private final Duration interval;
  private long timer = -1;
  private volatile io.parley.conversation.EventPublisher events;
  private volatile boolean shared = true;

  public DueTimeSweep(Vertx vertx, HandoffStore handoffs, ConversationStore store, ParleyMetrics metrics, Clock clock,
      Duration interval) {
    this.vertx = vertx;
    this.handoffs = handoffs;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.interval = interval;
    this.events = new io.parley.conversation.EventPublisher(vertx);
  }

  /**
   * {@code false} for a store only this process uses (the embedded one): every tick sweeps, without
   * claiming the time slot in the store first.
   */
  public void shared(boolean s) {
    this.shared = s;
  }

  /** Publishes through {@code p} (which may relay to other instances) instead of only locally. */
  public void events(io.parley.conversation.EventPublisher p) {
    this.events = p;
  }

  /** Starts the periodic sweep (the first run one interval from now: never a zero delay). */
  public void start() {
    long every = Math.max(1, interval.toMillis());
    timer = vertx.setPeriodic(every, every, id -> tick());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void tick() {
    if (!store.ready()) {
      return;
    }
    // The slot is wall-clock time, so exactly one instance sweeps per interval even when tests
    // hold the domain clock still.
    if (!shared) {
      sweep().onFailure(e -> LOG.warn("due-time sweep failed: {}", e.toString()));
      return;
    }
    long slot = System.currentTimeMillis() / Math.max(1, interval.toMillis());
    store.claimOnce("sweep", String.valueOf(slot), interval.multipliedBy(2).plusSeconds(1))
        .compose(mine -> mine ? sweep() : Future.succeededFuture())
        .onFailure(e -> LOG.warn("due-time sweep failed: {}", e.toString()));
  }

  /** One sweep now (the periodic timer calls it after claiming its slot; tests call it directly). */
  public Future<Void> sweep() {
    Instant now = clock.instant();
    return breaches(now).compose(v -> caseReminders(now));
  }

  private Future<Void> breaches(Instant now) {
    return handoffs.overdue(now, BATCH).compose(list -> Future.all(list.stream().map(r -> breach(r, now)).toList()))
        .mapEmpty();
  }

  private Future<Void> breach(HandoffRecord r, Instant now) {
    return handoffs.markBreached(r.conversationId()).map(first -> {
      if (first) {
        long waited = now.getEpochSecond() - r.waitingSince().getEpochSecond();
        LOG.warn("conv={} pick-up target missed: team={} waiting {} s (due {})", r.conversationId(), r.team(), waited,
            r.pickupDueAt());
        metrics.pickupBreach(r.team());
        events.publish(Addresses.SUPERVISOR_ALERTS, new JsonObject()
            .put("type", "breach")
            .put("conversationId", r.conversationId())
            .put("team", r.team())
            .put("priority", r.priority())
            .put("intent", r.intent())
            .put("waitingSince", r.waitingSince().toString())
            .put("pickupDueAt", r.pickupDueAt().toString())
            .put("waitedSeconds", waited));
      }
      return null;
    });
  }

  private Future<Void> caseReminders(Instant now) {
    return store.openCases(BATCH).compose(cases -> {
      List<CaseRecord> due = cases.stream().filter(c -> c.dueAt() != null && !c.dueAt().isAfter(now)).toList();
      return Future.all(due.stream().map(c -> remind(c, now)).toList());
    }).mapEmpty();
  }

  private Future<Void> remind(CaseRecord c, Instant now) {
    return store.claimOnce("case-due", c.id() + ":" + c.dueAt().toEpochMilli(), REMINDER_MEMORY).map(first -> {
      if (first) {
        String kind = String.valueOf(c.kind().letter());
        LOG.info("case={} conv={} is past its due time {} (status {})", c.id(), c.conversationId(), c.dueAt(), c.status());
        metrics.caseDueReminder(kind);
        events.publish(Addresses.CASE_DUE, new JsonObject()
            .put("type", "case_due")
            .put("caseId", c.id())
            .put("kind", kind)
            .put("conversationId", c.conversationId())
            .put("status", c.status())
            .put("dueAt", c.dueAt().toString())
            .put("overdueSeconds", now.getEpochSecond() - c.dueAt().getEpochSecond()));
      }
      return null;
    });
  }
}
