package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Handoffs in this process's memory (the embedded server and unit tests). Records expire after the
 * conversation TTL like in Redis. Not written to the embedded store's snapshot: a restart of an
 * embedded server forgets the queue (the conversations stay waiting; Redis keeps everything).
 */
public final class MemoryHandoffStore implements HandoffStore {

  private final Clock clock;
  private final Duration ttl;
  private final Map<String, HandoffRecord> records = new HashMap<>();
  private final Map<String, Instant> expiry = new HashMap<>();
  private final Set<String> due = new HashSet<>();
  private final Map<String, List<JsonObject>> audit = new HashMap<>();

  public MemoryHandoffStore(Clock clock, Duration conversationTtl) {
    this.clock = clock;
    this.ttl = conversationTtl;
  }

  @Override
  public synchronized Future<Boolean> enqueue(HandoffRecord record) {
    if (live(record.conversationId()) != null) {
      return Future.succeededFuture(false);
    }
    put(record);
    due.add(record.conversationId());
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<HandoffRecord> handoff(String conversationId) {
    return Future.succeededFuture(live(conversationId));
  }

  @Override
  public synchronized Future<List<HandoffRecord>> waiting(String team) {
    return Future.succeededFuture(all().stream()
        .filter(r -> !r.assigned() && r.team().equals(team))
        .sorted(HandoffRecord::queueOrder)
        .toList());
  }

  @Override
  public synchronized Future<Assignment> assign(String conversationId, String agent, String agentName, int capacity,
      Instant at) {
    HandoffRecord r = live(conversationId);
    if (r == null) {
      return Future.succeededFuture(new Assignment(Outcome.NOT_WAITING, null));
    }
    if (r.assigned()) {
      return Future.succeededFuture(new Assignment(agent.equals(r.agent()) ? Outcome.ALREADY_YOURS : Outcome.TAKEN, r));
    }
    if (capacity > 0 && all().stream().filter(x -> agent.equals(x.agent())).count() >= capacity) {
      return Future.succeededFuture(new Assignment(Outcome.FULL, r));
    }
    HandoffRecord assigned = r.assignTo(agent, agentName, at);
    put(assigned);
    due.remove(conversationId);
    return Future.succeededFuture(new Assignment(Outcome.ASSIGNED, assigned));
  }

  @Override
  public synchronized Future<HandoffRecord> end(String conversationId, String expectedAgent) {
    HandoffRecord r = live(conversationId);
    if (r == null || (expectedAgent != null && !expectedAgent.equals(r.agent()))) {
      return Future.succeededFuture(null);
    }
    records.remove(conversationId);
    expiry.remove(conversationId);
    due.remove(conversationId);
    return Future.succeededFuture(r);
  }

  @Override
  public synchronized Future<List<HandoffRecord>> assignedTo(String agent) {
    return Future.succeededFuture(all().stream().filter(r -> agent.equals(r.agent()))
        .sorted(Comparator.comparing(HandoffRecord::assignedAt)).toList());
  }

  @Override
  public synchronized Future<List<HandoffRecord>> overdue(Instant now, int limit) {
    return Future.succeededFuture(all().stream()
        .filter(r -> !r.assigned() && due.contains(r.conversationId()) && !r.pickupDueAt().isAfter(now))
        .sorted(Comparator.comparing(HandoffRecord::pickupDueAt))
        .limit(limit)
        .toList());
  }

  @Override
  public synchronized Future<Boolean> markBreached(String conversationId) {
    return Future.succeededFuture(due.remove(conversationId));
  }

  @Override
  public synchronized Future<Void> audit(String conversationId, JsonObject action) {
    audit.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(action.copy());
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<JsonObject>> auditTrail(String conversationId) {
    return Future.succeededFuture(audit.getOrDefault(conversationId, List.of()).stream().map(JsonObject::copy).toList());
  }

  private void put(HandoffRecord r) {
    records.put(r.conversationId(), r);
    expiry.put(r.conversationId(), clock.instant().plus(ttl));
  }

  private HandoffRecord live(String id) {
    HandoffRecord r = records.get(id);
    if (r != null && !expiry.get(id).isAfter(clock.instant())) {
      records.remove(id);
      expiry.remove(id);
      due.remove(id);
      return null;
    }
    return r;
  }

  private List<HandoffRecord> all() {
    List.copyOf(records.keySet()).forEach(this::live);
    return List.copyOf(records.values());
  }
}
