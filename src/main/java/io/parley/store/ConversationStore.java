package io.parley.store;

import io.parley.conversation.Conversation;
import io.parley.conversation.TranscriptEntry;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where everything a conversation knows is kept: its state, its transcript, de-duplication records
 * and cases. Two implementations behind this one port: {@code MemoryConversationStore} (embedded
 * default) and {@code RedisConversationStore}. Both pass the same contract test suite.
 *
 * <p>Every method answers with a {@link Future} and never blocks the caller. A store that cannot be
 * reached fails with {@link StoreUnavailableException}; an unknown or expired conversation with
 * {@link ConversationNotFoundException}.
 */
public interface ConversationStore {

  /** Starts the store; a Redis store keeps trying to connect in the background while Redis is down. */
  Future<Void> start();

  /** Whether the store can take traffic now. */
  boolean ready();

  /** A short description for logs and the readiness report, without secrets. */
  String describe();

  /** Flushes what must be kept and releases connections. */
  Future<Void> close();

  /**
   * Creates a conversation with its first entries (seq 1..n) in one write.
   *
   * @return the conversation as stored (version 0, seq n)
   */
  Future<Conversation> create(Conversation conversation, List<TranscriptEntry> entries);

  /** The conversation, or a null result when it does not exist or has expired. */
  Future<Conversation> load(String conversationId);

  /**
   * Appends an inbound (customer) entry unless {@code idempotencyKey} was seen in this conversation
   * within the idempotency TTL. One write: the entry, the key, the TTLs, and the notification.
   *
   * @return the entry's seq (the earlier one for a duplicate) and the conversation's current state
   */
  Future<Appended> appendInbound(String conversationId, TranscriptEntry entry, String idempotencyKey);

  /**
   * Applies a turn's outcome in one write: the new state, if the conversation is still at
   * {@code expectedVersion}, together with the entries (seq assigned in order). When another turn got
   * there first nothing is written and the result carries the current state to retry on.
   * {@code next} null appends the entries without a state change and without the version check.
   */
  Future<Committed> commit(String conversationId, long expectedVersion, Conversation next,
      List<TranscriptEntry> entries);

  /** The entries with {@code seq > afterSeq}, in order, at most {@code limit}. */
  Future<List<TranscriptEntry>> entries(String conversationId, long afterSeq, int limit);

  /**
   * Records {@code key} in {@code scope} for {@code ttl} if it is new (webhook de-duplication by
   * platform message id). Answers true the first time, false for a repeat.
   */
  Future<Boolean> claimOnce(String scope, String key, Duration ttl);

  /** Creates a case, giving it the next number of its kind ({@code C-000001}). Cases never expire. */
  Future<CaseRecord> createCase(CaseRecord.Draft draft);

  /** The case, or a null result when there is none with that id. */
  Future<CaseRecord> loadCase(String caseId);

  /** Moves a case to {@code status}, adding to its history; fails with {@link CaseNotFoundException}. */
  Future<CaseRecord> updateCaseStatus(String caseId, String status, String note, Instant at);

  /** The cases opened in a conversation, oldest first. */
  Future<List<CaseRecord>> casesOfConversation(String conversationId);

  /**
   * The cases of a customer across conversations, oldest first: those whose data carries
   * {@code customerRef} (the key {@link CaseRecord#CUSTOMER_REF}).
   */
  Future<List<CaseRecord>> casesOfCustomer(String customerRef);

  /** Cases not in a terminal status, by due time (soonest first; cases without one last). */
  Future<List<CaseRecord>> openCases(int limit);

  /** The result of {@link #appendInbound}. */
  record Appended(long seq, boolean duplicate, Conversation conversation) {
  }

  /**
   * The result of {@link #commit}: whether it was applied, the entries as stored (with their seq),
   * and the conversation's state after it (or the current state when it was not applied).
   */
  record Committed(boolean applied, List<TranscriptEntry> entries, Conversation conversation) {
  }
}
