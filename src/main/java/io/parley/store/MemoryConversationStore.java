package io.parley.store;

import io.parley.config.MemoryConfig;
import io.parley.conversation.Conversation;
import io.parley.conversation.TranscriptEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: everything in this process's memory, the same behaviour as Redis (TTLs,
 * version check, de-duplication). With a snapshot file configured it writes its content there on
 * {@link #close()} and every snapshot interval when something changed, and reads it back at
 * {@link #start()}, so a restart of a single embedded server loses nothing. Operations are short and
 * guarded by the store's lock; the file work runs on a worker thread.
 */
public final class MemoryConversationStore implements ConversationStore {

  private static final Logger LOG = LoggerFactory.getLogger(MemoryConversationStore.class);

  private final Vertx vertx;
  private final Clock clock;
  private final Duration conversationTtl;
  private final Duration idempotencyTtl;
  private final MemoryConfig memory;

  private final Map<String, Conv> conversations = new HashMap<>();
  private final Map<String, Instant> once = new HashMap<>();
  private final Map<String, CaseRecord> cases = new LinkedHashMap<>();
  private final Map<Character, Long> caseCounters = new HashMap<>();
  private boolean dirty;
  private long timerId = -1;

  private static final class Conv {
    Conversation state;
    final List<TranscriptEntry> log = new ArrayList<>();
    final Map<String, Long> idempotency = new HashMap<>();
    final Map<String, Instant> idempotencyExpiry = new HashMap<>();
    Instant expiresAt;
  }

  public MemoryConversationStore(Vertx vertx, Clock clock, Duration conversationTtl, Duration idempotencyTtl,
      MemoryConfig memory) {
    this.vertx = vertx;
    this.clock = clock;
    this.conversationTtl = conversationTtl;
    this.idempotencyTtl = idempotencyTtl;
    this.memory = memory;
  }

  @Override
  public Future<Void> start() {
    Path file = memory.snapshotFile();
    if (file == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      if (Files.isRegularFile(file)) {
        restore(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
        LOG.info("memory store restored from {}", file);
      }
      return null;
    }).<Void>mapEmpty().onSuccess(v ->
        timerId = vertx.setPeriodic(memory.snapshotInterval().toMillis(), id -> snapshotIfDirty()));
  }

  @Override
  public boolean ready() {
    return true;
  }

  @Override
  public String describe() {
    return memory.snapshotFile() == null ? "memory" : "memory (snapshot " + memory.snapshotFile() + ")";
  }

  @Override
  public Future<Void> close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    return snapshotIfDirty();
  }

  private Future<Void> snapshotIfDirty() {
    Path file = memory.snapshotFile();
    String content;
    synchronized (this) {
      if (file == null || !dirty) {
        return Future.succeededFuture();
      }
      content = dump().encode();
      dirty = false;
    }
    return vertx.executeBlocking(() -> {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".memory-store", ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return null;
    }).<Void>mapEmpty().onFailure(e -> {
      synchronized (this) {
        dirty = true;
      }
      LOG.error("memory store snapshot to {} failed: {}", file, e.toString());
    });
  }

  @Override
  public synchronized Future<Conversation> create(Conversation conversation, List<TranscriptEntry> entries) {
    if (live(conversation.id()) != null) {
      return Future.failedFuture(new IllegalStateException("conversation exists: " + conversation.id()));
    }
    Conv c = new Conv();
    c.state = conversation.withVersion(0).withSeq(0);
    conversations.put(conversation.id(), c);
    append(c, entries);
    touch(c);
    return Future.succeededFuture(c.state);
  }

  @Override
  public synchronized Future<Conversation> load(String conversationId) {
    Conv c = live(conversationId);
    return Future.succeededFuture(c == null ? null : c.state);
  }

  @Override
  public synchronized Future<Appended> appendInbound(String conversationId, TranscriptEntry entry,
      String idempotencyKey) {
    Conv c = live(conversationId);
    if (c == null) {
      return Future.failedFuture(new ConversationNotFoundException(conversationId));
    }
    Instant now = clock.instant();
    if (idempotencyKey != null) {
      Long seen = c.idempotency.get(idempotencyKey);
      if (seen != null && c.idempotencyExpiry.get(idempotencyKey).isAfter(now)) {
        return Future.succeededFuture(new Appended(seen, true, c.state));
      }
    }
    long seq = append(c, List.of(entry)).get(0).seq();
    if (idempotencyKey != null) {
      c.idempotency.put(idempotencyKey, seq);
      c.idempotencyExpiry.put(idempotencyKey, now.plus(idempotencyTtl));
    }
    touch(c);
    return Future.succeededFuture(new Appended(seq, false, c.state));
  }

  @Override
  public synchronized Future<Committed> commit(String conversationId, long expectedVersion, Conversation next,
      List<TranscriptEntry> entries) {
    Conv c = live(conversationId);
    if (c == null) {
      return Future.failedFuture(new ConversationNotFoundException(conversationId));
    }
    if (next != null) {
      if (c.state.version() != expectedVersion) {
        return Future.succeededFuture(new Committed(false, List.of(), c.state));
      }
      c.state = next.withVersion(expectedVersion + 1).withSeq(c.state.seq());
    }
    List<TranscriptEntry> stored = append(c, entries);
    touch(c);
    return Future.succeededFuture(new Committed(true, stored, c.state));
  }

  @Override
  public synchronized Future<List<TranscriptEntry>> entries(String conversationId, long afterSeq, int limit) {
    Conv c = live(conversationId);
    if (c == null) {
      return Future.failedFuture(new ConversationNotFoundException(conversationId));
    }
    int from = (int) Math.min(Math.max(afterSeq, 0), c.log.size());
    int to = (int) Math.min(c.log.size(), (long) from + limit);
    return Future.succeededFuture(List.copyOf(c.log.subList(from, to)));
  }

  @Override
  public synchronized Future<Boolean> claimOnce(String scope, String key, Duration ttl) {
    String k = scope + ":" + key;
    Instant now = clock.instant();
    Instant until = once.get(k);
    if (until != null && until.isAfter(now)) {
      return Future.succeededFuture(false);
    }
    once.put(k, now.plus(ttl));
    dirty = true;
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<CaseRecord> createCase(CaseRecord.Draft draft) {
    long n = caseCounters.merge(draft.kind().letter(), 1L, Long::sum);
    CaseRecord rec = CaseRecord.fromDraft(draft.kind().caseId(n), draft);
    cases.put(rec.id(), rec);
    dirty = true;
    return Future.succeededFuture(rec);
  }

  @Override
  public synchronized Future<CaseRecord> loadCase(String caseId) {
    return Future.succeededFuture(cases.get(caseId));
  }

  @Override
  public synchronized Future<CaseRecord> updateCaseStatus(String caseId, String status, String note, Instant at) {
    CaseRecord rec = cases.get(caseId);
    if (rec == null) {
      return Future.failedFuture(new CaseNotFoundException(caseId));
    }
    List<CaseRecord.StatusChange> h = new ArrayList<>(rec.history());
    h.add(new CaseRecord.StatusChange(status, at, note));
    CaseRecord updated = new CaseRecord(rec.id(), rec.kind(), rec.conversationId(), rec.createdAt(), rec.dueAt(),
        rec.data(), h);
    cases.put(caseId, updated);
    dirty = true;
    return Future.succeededFuture(updated);
  }

  @Override
  public synchronized Future<List<CaseRecord>> casesOfConversation(String conversationId) {
    return Future.succeededFuture(cases.values().stream()
        .filter(c -> conversationId.equals(c.conversationId()))
        .toList());
  }

  @Override
  public synchronized Future<List<CaseRecord>> casesOfCustomer(String customerRef) {
    return Future.succeededFuture(cases.values().stream()
        .filter(c -> customerRef.equals(c.data().getString(CaseRecord.CUSTOMER_REF)))
        .sorted(Comparator.comparing(CaseRecord::createdAt).thenComparing(CaseRecord::id))
        .toList());
  }

  @Override
  public synchronized Future<List<CaseRecord>> openCases(int limit) {
    return Future.succeededFuture(cases.values().stream()
        .filter(CaseRecord::open)
        .sorted(Comparator.comparing(CaseRecord::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CaseRecord::id))
        .limit(limit)
        .toList());
  }

  /** The conversation if it exists and has not expired; an expired one is dropped on the way. */
  private Conv live(String id) {
    Conv c = conversations.get(id);
    if (c != null && !c.expiresAt.isAfter(clock.instant())) {
      conversations.remove(id);
      dirty = true;
      return null;
    }
    return c;
  }

  private List<TranscriptEntry> append(Conv c, List<TranscriptEntry> entries) {
    List<TranscriptEntry> stored = new ArrayList<>(entries.size());
    for (TranscriptEntry e : entries) {
      TranscriptEntry s = e.withSeq(c.log.size() + 1L);
      c.log.add(s);
      stored.add(s);
    }
    c.state = c.state.withSeq(c.log.size());
    return stored;
  }

  private void touch(Conv c) {
    Instant now = clock.instant();
    c.expiresAt = now.plus(conversationTtl);
    c.idempotencyExpiry.entrySet().removeIf(e -> {
      boolean gone = !e.getValue().isAfter(now);
      if (gone) {
        c.idempotency.remove(e.getKey());
      }
      return gone;
    });
    dirty = true;
  }

  private JsonObject dump() {
    JsonArray convs = new JsonArray();
    conversations.forEach((id, c) -> {
      JsonArray log = new JsonArray();
      c.log.forEach(e -> log.add(e.toJson()));
      JsonObject idem = new JsonObject();
      c.idempotency.forEach((k, seq) ->
          idem.put(k, new JsonObject().put("seq", seq).put("until", c.idempotencyExpiry.get(k).toString())));
      convs.add(new JsonObject()
          .put("state", c.state.stateJson())
          .put("version", c.state.version())
          .put("expiresAt", c.expiresAt.toString())
          .put("log", log)
          .put("idempotency", idem));
    });
    JsonObject onceJson = new JsonObject();
    once.forEach((k, v) -> onceJson.put(k, v.toString()));
    JsonArray caseJson = new JsonArray();
    cases.values().forEach(c -> caseJson.add(c.toJson()));
    JsonObject counters = new JsonObject();
    caseCounters.forEach((k, v) -> counters.put(String.valueOf(k), v));
    return new JsonObject().put("format", 1).put("conversations", convs).put("once", onceJson)
        .put("cases", caseJson).put("caseCounters", counters);
  }

  private synchronized void restore(JsonObject snap) {
    for (Object o : snap.getJsonArray("conversations", new JsonArray())) {
      JsonObject j = (JsonObject) o;
      Conv c = new Conv();
      for (Object e : j.getJsonArray("log")) {
        c.log.add(TranscriptEntry.fromJson((JsonObject) e));
      }
      c.state = Conversation.fromState(j.getJsonObject("state"), c.log.size(), j.getLong("version"));
      c.expiresAt = Instant.parse(j.getString("expiresAt"));
      j.getJsonObject("idempotency", new JsonObject()).forEach(e -> {
        JsonObject v = (JsonObject) e.getValue();
        c.idempotency.put(e.getKey(), v.getLong("seq"));
        c.idempotencyExpiry.put(e.getKey(), Instant.parse(v.getString("until")));
      });
      conversations.put(c.state.id(), c);
    }
    snap.getJsonObject("once", new JsonObject()).forEach(e -> once.put(e.getKey(), Instant.parse((String) e.getValue())));
    for (Object o : snap.getJsonArray("cases", new JsonArray())) {
      JsonObject j = (JsonObject) o;
      List<CaseRecord.StatusChange> h = new ArrayList<>();
      for (Object s : j.getJsonArray("history")) {
        h.add(CaseRecord.StatusChange.fromJson((JsonObject) s));
      }
      CaseRecord rec = CaseRecord.fromJson(j, h);
      cases.put(rec.id(), rec);
    }
    snap.getJsonObject("caseCounters", new JsonObject())
        .forEach(e -> caseCounters.put(e.getKey().charAt(0), ((Number) e.getValue()).longValue()));
  }
}
