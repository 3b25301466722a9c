package io.parley.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.parley.config.RedisConfig;
import io.parley.conversation.Conversation;
import io.parley.conversation.TranscriptEntry;
import io.parley.store.CaseNotFoundException;
import io.parley.store.CaseRecord;
import io.parley.store.ConversationNotFoundException;
import io.parley.store.ConversationStore;
import io.parley.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation store on Redis through Lettuce's async API (the only package that imports
 * Lettuce). One shared connection; every change is one command or one Lua script, so a turn's writes
 * are one round trip; results come back on the caller's Vert.x context through
 * {@code Future.fromCompletionStage(stage, context)}. Commands time out after the configured command
 * timeout and fail at once while disconnected, so a turn never hangs; while Redis is down the store
 * reports not ready and keeps reconnecting.
 */
public final class RedisConversationStore implements ConversationStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConversationStore.class);
  private static final double NO_DUE_DATE = 9.0e15;

  private final Vertx vertx;
  private final RedisConfig config;
  private final RedisKeys keys;
  private final long conversationTtlSeconds;
  private final long idempotencyTtlSeconds;
  private final RedisURI uri;
  private final ClientResources resources;
  private final RedisClient client;

  private final LuaScript createScript = LuaScript.load("create");
  private final LuaScript appendScript = LuaScript.load("append_inbound");
  private final LuaScript commitScript = LuaScript.load("commit");
  private final LuaScript createCaseScript = LuaScript.load("create_case");
  private final LuaScript updateCaseScript = LuaScript.load("update_case");
  private final LuaScript loadCaseScript = LuaScript.load("load_case");

  private volatile StatefulRedisConnection<String, String> connection;
  private volatile boolean pingOk;
  private volatile boolean closed;
  private long pingTimer = -1;

  public RedisConversationStore(Vertx vertx, RedisConfig config, Duration conversationTtl, Duration idempotencyTtl) {
    this.vertx = vertx;
    this.config = config;
    this.keys = new RedisKeys(config.prefix());
    this.conversationTtlSeconds = conversationTtl.toSeconds();
    this.idempotencyTtlSeconds = idempotencyTtl.toSeconds();
    this.uri = RedisURI.create(config.url());
    this.uri.setTimeout(config.commandTimeout());
    this.resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), config.reconnectMaxDelay(), 2, TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources);
    this.client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
        .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).build())
        .build());
  }

  public RedisKeys keys() {
    return keys;
  }

  /** A pub/sub connection of its own (the relay of events between instances). */
  CompletionStage<io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String>> connectPubSub() {
    return client.connectPubSubAsync(StringCodec.UTF8, uri);
  }

  long conversationTtlSeconds() {
    return conversationTtlSeconds;
  }

  /** Connects in the background: the returned future completes at once, {@link #ready()} tells when. */
  @Override
  public Future<Void> start() {
    connect(Duration.ofMillis(100));
    pingTimer = vertx.setPeriodic(1000, id -> ping());
    return Future.succeededFuture();
  }

  /** Resolves once connected (for tests and callers that want to wait), or fails after {@code timeout}. */
  public Future<Void> awaitReady(Duration timeout) {
    if (ready()) {
      return Future.succeededFuture();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
    vertx.setPeriodic(20, 20, id -> {
      if (ready()) {
        vertx.cancelTimer(id);
        p.tryComplete();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        p.tryFail(new StoreUnavailableException("Redis not reachable at " + describe()));
      }
    });
    return p.future();
  }

  private void connect(Duration delay) {
    if (closed) {
      return;
    }
    client.connectAsync(StringCodec.UTF8, uri).whenComplete((conn, err) -> {
      if (err == null) {
        if (closed) {
          conn.closeAsync();
          return;
        }
        connection = conn;
        pingOk = true;
        LOG.info("connected to Redis at {}", describe());
      } else {
        Duration next = delay.multipliedBy(2).compareTo(config.reconnectMaxDelay()) > 0
            ? config.reconnectMaxDelay() : delay.multipliedBy(2);
        LOG.warn("Redis at {} not reachable ({}); retrying in {} ms", describe(), rootMessage(err), delay.toMillis());
        vertx.setTimer(delay.toMillis(), id -> connect(next));
      }
    });
  }

  private void ping() {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null) {
      return;
    }
    c.async().ping().whenComplete((pong, err) -> {
      boolean ok = err == null;
      if (ok != pingOk) {
        if (ok) {
          LOG.info("Redis at {} is back", describe());
        } else {
          LOG.warn("Redis at {} does not answer: {}", describe(), rootMessage(err));
        }
      }
      pingOk = ok;
    });
  }

  @Override
  public boolean ready() {
    StatefulRedisConnection<String, String> c = connection;
    return c != null && c.isOpen() && pingOk && !closed;
  }

  @Override
  public String describe() {
    return "redis://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase() + " prefix " + config.prefix();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    if (pingTimer >= 0) {
      vertx.cancelTimer(pingTimer);
    }
    StatefulRedisConnection<String, String> c = connection;
    CompletionStage<Void> stage = c == null
        ? client.shutdownAsync(0, 2, TimeUnit.SECONDS)
        : c.closeAsync().thenCompose(v -> client.shutdownAsync(0, 2, TimeUnit.SECONDS));
    return Future.fromCompletionStage(stage.thenCompose(v -> {
      java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
      resources.shutdown(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
      return done;
    }), vertx.getOrCreateContext()).mapEmpty();
  }

  // --- conversations -----------------------------------------------------------------------------

  @Override
  public Future<Conversation> create(Conversation conversation, List<TranscriptEntry> entries) {
    String id = conversation.id();
    List<String> args = new ArrayList<>(List.of(conversation.stateJson().encode(),
        String.valueOf(conversationTtlSeconds), keys.events(id), id));
    entries.forEach(e -> args.add(e.toJson().encode()));
    return script(createScript, new String[] {keys.conversation(id), keys.transcript(id)}, args)
        .map(r -> {
          if (asLong(r.get(0)) == 0) {
            throw new IllegalStateException("conversation exists: " + id);
          }
          return conversation.withVersion(0).withSeq(asLong(r.get(1)));
        });
  }

  @Override
  public Future<Conversation> load(String conversationId) {
    return call(c -> c.hmget(keys.conversation(conversationId), "state", "ver", "seq"))
        .map(kv -> {
          if (kv.get(0).isEmpty() || !kv.get(0).hasValue()) {
            return null;
          }
          return Conversation.fromState(new JsonObject(kv.get(0).getValue()),
              Long.parseLong(value(kv.get(2), "0")), Long.parseLong(value(kv.get(1), "0")));
        });
  }

  @Override
  public Future<Appended> appendInbound(String conversationId, TranscriptEntry entry, String idempotencyKey) {
    String id = conversationId;
    boolean idem = idempotencyKey != null;
    String[] k = {keys.conversation(id), keys.transcript(id), keys.idempotency(id, idem ? idempotencyKey : "-")};
    List<String> args = List.of(entry.toJson().encode(), String.valueOf(conversationTtlSeconds),
        String.valueOf(idempotencyTtlSeconds), keys.events(id), id, idem ? "1" : "0");
    return script(appendScript, k, args).map(r -> {
      long status = asLong(r.get(0));
      if (status < 0) {
        throw new ConversationNotFoundException(id);
      }
      long seq = asLong(r.get(1));
      Conversation state = Conversation.fromState(new JsonObject((String) r.get(2)), seq, asLong(r.get(3)));
      return new Appended(seq, status == 0, state);
    });
  }

  @Override
  public Future<Committed> commit(String conversationId, long expectedVersion, Conversation next,
      List<TranscriptEntry> entries) {
    String id = conversationId;
    List<String> args = new ArrayList<>(List.of(
        next == null ? "" : String.valueOf(expectedVersion),
        next == null ? "" : next.stateJson().encode(),
        String.valueOf(conversationTtlSeconds), keys.events(id), id));
    entries.forEach(e -> args.add(e.toJson().encode()));
    return script(commitScript, new String[] {keys.conversation(id), keys.transcript(id)}, args).map(r -> {
      long status = asLong(r.get(0));
      if (status < 0) {
        throw new ConversationNotFoundException(id);
      }
      if (status == 0) {
        return new Committed(false, List.of(),
            Conversation.fromState(new JsonObject((String) r.get(1)), asLong(r.get(3)), asLong(r.get(2))));
      }
      long first = asLong(r.get(1));
      List<TranscriptEntry> stored = new ArrayList<>(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        stored.add(entries.get(i).withSeq(first + i));
      }
      Conversation state = Conversation.fromState(new JsonObject((String) r.get(2)), asLong(r.get(4)), asLong(r.get(3)));
      return new Committed(true, stored, state);
    });
  }

  @Override
  public Future<List<TranscriptEntry>> entries(String conversationId, long afterSeq, int limit) {
    long from = Math.max(afterSeq, 0);
    return call(c -> c.lrange(keys.transcript(conversationId), from, from + limit - 1)).compose(list -> {
      if (!list.isEmpty()) {
        return Future.succeededFuture(list.stream().map(s -> TranscriptEntry.fromJson(new JsonObject(s))).toList());
      }
      return call(c -> c.exists(keys.conversation(conversationId))).map(n -> {
        if (n == 0) {
          throw new ConversationNotFoundException(conversationId);
        }
        return List.<TranscriptEntry>of();
      });
    });
  }

  @Override
  public Future<Boolean> claimOnce(String scope, String key, Duration ttl) {
    return call(c -> c.set(keys.once(scope, key), "1", SetArgs.Builder.nx().ex(ttl.toSeconds())))
        .map("OK"::equals);
  }

  // --- cases ---------------------------------------------------------------------------------------

  @Override
  public Future<CaseRecord> createCase(CaseRecord.Draft draft) {
    return call(c -> c.incr(keys.caseCounter(draft.kind().letter()))).compose(n -> {
      CaseRecord rec = CaseRecord.fromDraft(draft.kind().caseId(n), draft);
      String customer = rec.data().getString(CaseRecord.CUSTOMER_REF, "");
      String[] k = {keys.caseRecord(rec.id()), keys.caseHistory(rec.id()),
          keys.casesOfConversation(rec.conversationId()), keys.openCases(), keys.casesOfCustomer(customer)};
      List<String> args = List.of(rec.headerJson().encode(), rec.history().get(0).toJson().encode(), rec.id(),
          String.valueOf(rec.createdAt().toEpochMilli()), dueScore(rec), rec.status(), rec.open() ? "1" : "0", customer);
      return script(createCaseScript, k, args).map(r -> rec);
    });
  }

  @Override
  public Future<CaseRecord> loadCase(String caseId) {
    return script(loadCaseScript, new String[] {keys.caseRecord(caseId), keys.caseHistory(caseId)}, List.of())
        .map(RedisConversationStore::toCase);
  }

  @Override
  public Future<CaseRecord> updateCaseStatus(String caseId, String status, String note, Instant at) {
    CaseRecord.StatusChange change = new CaseRecord.StatusChange(status, at, note);
    boolean open = !CaseRecord.TERMINAL.contains(status);
    String[] k = {keys.caseRecord(caseId), keys.caseHistory(caseId), keys.openCases()};
    List<String> args = List.of(status, change.toJson().encode(), caseId, open ? "1" : "0");
    return script(updateCaseScript, k, args).map(r -> {
      CaseRecord rec = toCase(r);
      if (rec == null) {
        throw new CaseNotFoundException(caseId);
      }
      return rec;
    });
  }

  @Override
  public Future<List<CaseRecord>> casesOfConversation(String conversationId) {
    return call(c -> c.zrange(keys.casesOfConversation(conversationId), 0, -1)).compose(this::loadCases);
  }

  @Override
  public Future<List<CaseRecord>> casesOfCustomer(String customerRef) {
    return call(c -> c.zrange(keys.casesOfCustomer(customerRef), 0, -1)).compose(this::loadCases);
  }

  @Override
  public Future<List<CaseRecord>> openCases(int limit) {
    return call(c -> c.zrange(keys.openCases(), 0, limit - 1)).compose(this::loadCases);
  }

  private Future<List<CaseRecord>> loadCases(List<String> ids) {
    List<Future<CaseRecord>> all = ids.stream().map(this::loadCase).toList();
    return Future.all(all).map(cf -> all.stream().map(Future::result).filter(r -> r != null).toList());
  }

  private static String dueScore(CaseRecord rec) {
    return rec.dueAt() == null ? String.valueOf((long) NO_DUE_DATE) : String.valueOf(rec.dueAt().toEpochMilli());
  }

  private static CaseRecord toCase(List<Object> r) {
    if (r.isEmpty()) {
      return null;
    }
    List<CaseRecord.StatusChange> history = new ArrayList<>();
    for (int i = 1; i < r.size(); i++) {
      history.add(CaseRecord.StatusChange.fromJson(new JsonObject((String) r.get(i))));
    }
    return CaseRecord.fromJson(new JsonObject((String) r.get(0)), history);
  }

  // --- plumbing ------------------------------------------------------------------------------------

  /** Runs one command on the shared connection; its result arrives on the caller's context. */
  <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null || closed) {
      return Future.failedFuture(new StoreUnavailableException("Redis not connected (" + describe() + ")"));
    }
    CompletionStage<T> stage;
    try {
      stage = command.apply(c.async());
    } catch (RuntimeException e) {
      return Future.failedFuture(unavailable(e));
    }
    return Future.fromCompletionStage(stage, vertx.getOrCreateContext()).recover(e -> Future.failedFuture(unavailable(e)));
  }

  /** EVALSHA, falling back to EVAL (which also caches the script) when Redis does not know it yet. */
  Future<List<Object>> script(LuaScript script, String[] k, List<String> args) {
    String[] a = args.toArray(String[]::new);
    Supplier<Future<List<Object>>> eval = () -> call(c -> c.<List<Object>>eval(script.source(), ScriptOutputType.MULTI, k, a));
    return this.<List<Object>>call(c -> c.evalsha(script.sha1(), ScriptOutputType.MULTI, k, a))
        .recover(e -> e.getMessage() != null && e.getMessage().contains("NOSCRIPT") ? eval.get() : Future.failedFuture(e));
  }

  private Throwable unavailable(Throwable e) {
    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof RedisCommandExecutionException) {
      return cause;
    }
    return new StoreUnavailableException("Redis " + describe() + ": " + rootMessage(cause), cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static long asLong(Object o) {
    return ((Number) o).longValue();
  }

  private static String value(KeyValue<String, String> kv, String fallback) {
    return kv.hasValue() ? kv.getValue() : fallback;
  }
}
