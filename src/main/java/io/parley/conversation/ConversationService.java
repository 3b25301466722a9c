package io.parley.conversation;

import io.parley.store.ConversationNotFoundException;
import io.parley.store.ConversationStore;
import io.parley.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub every channel talks to. A customer message is stored first (and acknowledged to the
 * caller), then the {@link Responder} decides the replies and the next state, which are stored in
 * one write with the version check; every stored entry is published on
 * {@link Addresses#conversation(String)} for the sockets that show the conversation.
 *
 * <p>Turns of one conversation run one at a time in this process ({@link TurnQueue}); across
 * processes a turn that lost the version race is decided again on the fresh state.
 */
public final class ConversationService {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);
  private static final int MAX_ATTEMPTS = 16;
  /** Upper bound of the random pause before deciding a turn again after losing a version race. */
  private static final int MAX_BACKOFF_MS = 40;
  /** Entries sent in one replay read. */
  public static final int PAGE = 500;

  private final Vertx vertx;
  private final ConversationStore store;
  private final Responder responder;
  private final Clock clock;
  private final TurnQueue turns;
  private final java.util.function.BooleanSupplier gate;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;
  private volatile Handoffs handoffs = Handoffs.NONE;
  private final EventPublisher events;

  public ConversationService(Vertx vertx, ConversationStore store, Responder responder, Clock clock) {
    this(vertx, store, responder, clock, () -> true);
  }

  /**
   * @param gate whether everything else the service needs (the intent model) is ready; until then,
   *     like while the store is unreachable, nothing is processed
   */
  public ConversationService(Vertx vertx, ConversationStore store, Responder responder, Clock clock,
      java.util.function.BooleanSupplier gate) {
    this.gate = gate;
    this.vertx = vertx;
    this.store = store;
    this.responder = responder;
    this.clock = clock;
    this.turns = new TurnQueue(vertx);
    this.events = new EventPublisher(vertx);
  }

  /** Where the service publishes its events (the handoff side publishes through it too). */
  public EventPublisher events() {
    return events;
  }

  /** Wires the handoff side in (done once at start-up, before traffic). */
  public void handoffs(Handoffs h) {
    this.handoffs = h;
  }

  /** A new conversation and the token that resumes it. */
  public record Opened(Conversation conversation, String resumeToken) {
  }

  /** The answer to a customer message: stored as {@code seq} (earlier, for a duplicate). */
  public record Receipt(long seq, boolean duplicate) {
  }

  /** Whether the service can take traffic: the store is reachable, start-up is done, no drain. */
  public boolean ready() {
    return store.ready() && gate.getAsBoolean() && !draining;
  }

  /** Opens a conversation with its greeting as the first entries. */
  public Future<Opened> open(String channel, String locale, String customerRef, boolean verified) {
    if (!ready()) {
      return unavailable();
    }
    String id = ResumeTokens.newId();
    String secret = ResumeTokens.newSecret();
    Instant now = clock.instant();
    Conversation c = Conversation.open(id, channel, locale, customerRef, verified, now, ResumeTokens.hash(secret));
    List<TranscriptEntry> greeting = responder.greet(c).stream().map(m -> m.toEntry(now)).toList();
    return store.create(c, greeting).map(stored -> {
      publishAll(id, numbered(greeting));
      return new Opened(stored, ResumeTokens.token(id, secret));
    });
  }

  /** The conversation a resume token belongs to; fails with {@link BadResumeTokenException}. */
  public Future<Conversation> resume(String resumeToken) {
    var parsed = ResumeTokens.parse(resumeToken);
    if (parsed.isEmpty()) {
      return Future.failedFuture(new BadResumeTokenException());
    }
    if (!ready()) {
      return unavailable();
    }
    return store.load(parsed.get().conversationId()).map(c -> {
      if (c == null || !ResumeTokens.matches(parsed.get().secret(), c.tokenHash())) {
        throw new BadResumeTokenException();
      }
      return c;
    });
  }

  /** Transcript entries after {@code afterSeq}, at most {@link #PAGE}. */
  public Future<List<TranscriptEntry>> entries(String conversationId, long afterSeq) {
    return store.entries(conversationId, afterSeq, PAGE);
  }

  /**
   * Takes a customer message: the returned future completes as soon as it is stored (or known as a
   * duplicate); the replies follow on the event bus. Fails with {@link StoreUnavailableException}
   * when nothing was stored.
   */
  public Future<Receipt> receive(InboundMessage message) {
    if (!ready()) {
      return unavailable();
    }
    Promise<Receipt> stored = Promise.promise();
    inFlight.incrementAndGet();
    turns.run(message.conversationId(), () -> turn(message, stored))
        .onComplete(ar -> inFlight.decrementAndGet());
    return stored.future();
  }

  private Future<Void> turn(InboundMessage message, Promise<Receipt> stored) {
    String id = message.conversationId();
    TranscriptEntry entry = TranscriptEntry.customer(message.text(), message.payload(), message.idempotencyKey(),
        clock.instant());
    return store.appendInbound(id, entry, message.idempotencyKey()).compose(appended -> {
      stored.complete(new Receipt(appended.seq(), appended.duplicate()));
      if (appended.duplicate()) {
        return Future.succeededFuture();
      }
      TranscriptEntry customerEntry = entry.withSeq(appended.seq());
      publish(id, customerEntry);
      if (appended.conversation().status() != ConversationStatus.BOT) {
        // Waiting for or with a person: the bot stays silent; the entry reaches the agent through
        // the conversation's events like every other entry.
        return Future.succeededFuture();
      }
      return respond(appended.conversation(), customerEntry, 1)
          .onFailure(e -> LOG.error("conv={} reply to seq {} failed: {}", id, appended.seq(), e.toString()));
    }, e -> {
      stored.fail(e);
      return Future.failedFuture(e);
    });
  }

  private Future<Void> respond(Conversation state, TranscriptEntry customerEntry, int attempt) {
    return responder.respond(state, customerEntry).compose(turn -> {
      Instant now = clock.instant();
      List<TranscriptEntry> replies = turn.replies().stream().map(m -> m.toEntry(now)).toList();
      return store.commit(state.id(), state.version(), turn.next(), replies).compose(committed -> {
        if (committed.applied()) {
          publishAll(state.id(), committed.entries());
          return turn.handoff() == null ? Future.succeededFuture()
              : handoffs.requested(committed.conversation(), turn.handoff());
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new IllegalStateException("conversation kept changing under the turn"));
        }
        LOG.debug("conv={} version moved to {}; deciding the turn again", state.id(), committed.conversation().version());
        // Another instance won the race: wait a random, growing pause so the two do not collide
        // again in lock step, then decide the turn on the state it left.
        long pause = 1 + java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(Math.min(MAX_BACKOFF_MS, 1L << Math.min(attempt, 5)));
        return Future.<Void>future(p -> vertx.setTimer(pause, t -> p.complete()))
            .compose(x -> store.load(state.id()))
            .compose(fresh -> respond(fresh == null ? committed.conversation() : fresh, customerEntry, attempt + 1));
      });
    });
  }

  /** Appends messages that change no state (system notices, agent messages) and publishes them. */
  public Future<List<TranscriptEntry>> post(String conversationId, List<OutboundMessage> messages) {
    Instant now = clock.instant();
    List<TranscriptEntry> entries = messages.stream().map(m -> m.toEntry(now)).toList();
    Promise<List<TranscriptEntry>> result = Promise.promise();
    turns.run(conversationId, () -> store.commit(conversationId, 0, null, entries)
        .map(c -> {
          publishAll(conversationId, c.entries());
          return c.entries();
        })
        .onComplete(result));
    return result.future();
  }

  /**
   * Moves the conversation to {@code status} and appends {@code messages} in one write (the handoff
   * side: claim, resolve), in this conversation's turn order and with the version check, deciding
   * again on the fresh state when a bot turn or another instance got there first. After the write,
   * {@code frame} (null: none) goes to the customer's sockets, then the entries. Fails with
   * {@link ConversationNotFoundException} when the conversation has expired.
   */
  public Future<Conversation> changeStatus(String conversationId, ConversationStatus status,
      List<OutboundMessage> messages, io.vertx.core.json.JsonObject frame) {
    Promise<Conversation> result = Promise.promise();
    turns.run(conversationId, () -> changeStatus(conversationId, status, messages, frame, 1).onComplete(result));
    return result.future();
  }

  private Future<Conversation> changeStatus(String id, ConversationStatus status, List<OutboundMessage> messages,
      io.vertx.core.json.JsonObject frame, int attempt) {
    return store.load(id).compose(state -> {
      if (state == null) {
        return Future.failedFuture(new ConversationNotFoundException(id));
      }
      Instant now = clock.instant();
      List<TranscriptEntry> entries = messages.stream().map(m -> m.toEntry(now)).toList();
      return store.commit(id, state.version(), state.withStatus(status), entries).compose(committed -> {
        if (committed.applied()) {
          if (frame != null) {
            events.publish(Addresses.conversation(id), ConversationEvents.frame(frame));
          }
          publishAll(id, committed.entries());
          return Future.succeededFuture(committed.conversation());
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(new IllegalStateException("conversation kept changing under the status change"));
        }
        long pause = 1 + java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(Math.min(MAX_BACKOFF_MS, 1L << Math.min(attempt, 5)));
        return Future.<Void>future(p -> vertx.setTimer(pause, t -> p.complete()))
            .compose(x -> changeStatus(id, status, messages, frame, attempt + 1));
      });
    });
  }

  /** Publishes a frame for the customer's sockets (handoff state, agent typing) without storing anything. */
  public void publishFrame(String conversationId, io.vertx.core.json.JsonObject frame) {
    events.publish(Addresses.conversation(conversationId), ConversationEvents.frame(frame));
  }

  /** The current {@code handoff} frame of the conversation, or a null result (see {@link Handoffs#currentFrame}). */
  public Future<io.vertx.core.json.JsonObject> currentHandoffFrame(String conversationId) {
    return handoffs.currentFrame(conversationId);
  }

  /** Tells whoever follows the conversation (the agent's console) that the customer is typing. */
  public void customerTyping(String conversationId) {
    events.publish(Addresses.conversation(conversationId), ConversationEvents.customerTyping());
  }

  /** The conversation as stored, or a null result. */
  public Future<Conversation> load(String conversationId) {
    return store.load(conversationId);
  }

  /** Stops taking messages and completes when the turns in flight are done or {@code grace} has passed. */
  public Future<Void> drain(Duration grace) {
    draining = true;
    if (inFlight.get() == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    long deadline = System.nanoTime() + grace.toNanos();
    vertx.setPeriodic(20, 20, id -> {
      if (inFlight.get() == 0 || System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        if (inFlight.get() > 0) {
          LOG.warn("{} turns still in flight after {} s", inFlight.get(), grace.toSeconds());
        }
        done.tryComplete();
      }
    });
    return done.future();
  }

  private void publishAll(String id, List<TranscriptEntry> entries) {
    entries.forEach(e -> publish(id, e));
  }

  private void publish(String id, TranscriptEntry e) {
    events.publish(Addresses.conversation(id), ConversationEvents.entry(e));
  }

  private static List<TranscriptEntry> numbered(List<TranscriptEntry> entries) {
    return java.util.stream.IntStream.range(0, entries.size()).mapToObj(i -> entries.get(i).withSeq(i + 1L)).toList();
  }

  private static <T> Future<T> unavailable() {
    return Future.failedFuture(new StoreUnavailableException("the store is not ready"));
  }

  /** Whether {@code e} means the conversation is gone (expired or unknown). */
  public static boolean notFound(Throwable e) {
    return e instanceof ConversationNotFoundException;
  }
}
