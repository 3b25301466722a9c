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
 * conversation TTL like in Redis. With a snapshot file (the embedded store's snapshot file name plus
 * {@code .handoffs.json}) the queue, due times and audit trails are written there at {@link #close()}
 * and every interval when something changed, and read back at {@link #start()}, so a restart of an
 * embedded server loses nothing either.
 */
public final class MemoryHandoffStore implements HandoffStore {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MemoryHandoffStore.class);

  private final Clock clock;
  private final Duration ttl;
  private io.vertx.core.Vertx vertx;
  private java.nio.file.Path snapshotFile;
  private Duration snapshotInterval;
  private long timer = -1;
  private boolean dirty;
  private final Map<String, HandoffRecord> records = new HashMap<>();
  private final Map<String, Instant> expiry = new HashMap<>();
  private final Set<String> due = new HashSet<>();
  private final Map<String, List<JsonObject>> audit = new HashMap<>();

  public MemoryHandoffStore(Clock clock, Duration conversationTtl) {
    this.clock = clock;
    this.ttl = conversationTtl;
  }

  /** Keeps a snapshot in {@code file} (written every {@code interval} when changed, and at close). */
  public MemoryHandoffStore snapshot(io.vertx.core.Vertx v, java.nio.file.Path file, Duration interval) {
    this.vertx = v;
    this.snapshotFile = file;
    this.snapshotInterval = interval;
    return this;
  }

  /** Reads the snapshot, if any, and starts writing it. */
  public Future<Void> start() {
    if (snapshotFile == null) {
      return Future.succeededFuture();
    }
    java.nio.file.Path file = snapshotFile;
    return vertx.executeBlocking(() -> {
      if (java.nio.file.Files.isRegularFile(file)) {
        restore(new JsonObject(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)));
        LOG.info("handoffs restored from {}", file);
      }
      return null;
    }).<Void>mapEmpty().onSuccess(v ->
        timer = vertx.setPeriodic(snapshotInterval.toMillis(), id -> write()));
  }

  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return write();
  }

  private Future<Void> write() {
    String content;
    synchronized (this) {
      if (snapshotFile == null || !dirty) {
        return Future.succeededFuture();
      }
      dirty = false;
      io.vertx.core.json.JsonArray recs = new io.vertx.core.json.JsonArray();
      records.values().forEach(r -> recs.add(new JsonObject().put("record", r.toJson())
          .put("expiresAt", expiry.get(r.conversationId()).toString()).put("due", due.contains(r.conversationId()))));
      JsonObject auditJson = new JsonObject();
      audit.forEach((k, v) -> auditJson.put(k, new io.vertx.core.json.JsonArray(new ArrayList<>(v))));
      content = new JsonObject().put("format", 1).put("handoffs", recs).put("audit", auditJson).encode();
    }
    java.nio.file.Path file = snapshotFile;
    return vertx.executeBlocking(() -> {
      java.nio.file.Path parent = file.toAbsolutePath().getParent();
      java.nio.file.Files.createDirectories(parent);
      java.nio.file.Path tmp = java.nio.file.Files.createTempFile(parent, ".handoffs", ".tmp");
      java.nio.file.Files.writeString(tmp, content, java.nio.charset.StandardCharsets.UTF_8);
      java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return null;
    }).<Void>mapEmpty().onFailure(e -> {
      synchronized (this) {
        dirty = true;
      }
      LOG.error("handoff snapshot to {} failed: {}", file, e.toString());
    });
  }

  private synchronized void restore(JsonObject snap) {
    for (Object o : snap.getJsonArray("handoffs", new io.vertx.core.json.JsonArray())) {
      JsonObject j = (JsonObject) o;
      HandoffRecord r = HandoffRecord.fromJson(j.getJsonObject("record"));
      records.put(r.conversationId(), r);
      expiry.put(r.conversationId(), Instant.parse(j.getString("expiresAt")));
      if (j.getBoolean("due", false)) {
        due.add(r.conversationId());
      }
    }
    snap.getJsonObject("audit", new JsonObject()).forEach(e -> {
      List<JsonObject> list = new ArrayList<>();
      ((io.vertx.core.json.JsonArray) e.getValue()).forEach(x -> list.add((JsonObject) x));
      audit.put(e.getKey(), list);
    });
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
    dirty = true;
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
    dirty = true;
    return Future.succeededFuture(due.remove(conversationId));
  }

  @Override
  public synchronized Future<Void> touch(String conversationId) {
    HandoffRecord r = live(conversationId);
    if (r != null) {
      put(r);
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> audit(String conversationId, JsonObject action) {
    audit.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(action.copy());
    dirty = true;
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<JsonObject>> auditTrail(String conversationId) {
    return Future.succeededFuture(audit.getOrDefault(conversationId, List.of()).stream().map(JsonObject::copy).toList());
  }

  private void put(HandoffRecord r) {
    dirty = true;
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
