package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Where handoffs live: one record per handed-off conversation, a queue per team (priority, then
 * waiting time), the pick-up due times, each agent's assigned conversations, and the audit trail of
 * what agents did in a conversation. Memory ({@link MemoryHandoffStore}) and Redis
 * ({@code RedisHandoffStore}) implementations pass the same contract tests. Records expire with
 * their conversation.
 */
public interface HandoffStore {

  /**
   * Queues a waiting handoff: the record, the team's queue and the pick-up due time in one write.
   * Answers false (and writes nothing) when the conversation already has a handoff.
   */
  Future<Boolean> enqueue(HandoffRecord record);

  /** The conversation's handoff, or a null result when it has none. */
  Future<HandoffRecord> handoff(String conversationId);

  /** The handoffs waiting for {@code team}, highest priority first, then the longest wait. */
  Future<List<HandoffRecord>> waiting(String team);

  /**
   * Assigns a waiting handoff to {@code agent} in one atomic step (across instances): it leaves the
   * queue and the due times. {@code capacity} > 0 refuses when the agent already has that many.
   */
  Future<Assignment> assign(String conversationId, String agent, String agentName, int capacity, Instant at);

  /**
   * Ends the handoff if it is still held by {@code expectedAgent} (null: whoever holds it, or while
   * waiting): the record, its queue place, due time and the agent's assignment go. Answers the
   * ended record, or a null result when there was none or another agent holds it.
   */
  Future<HandoffRecord> end(String conversationId, String expectedAgent);

  /** The handoffs assigned to {@code agent}. */
  Future<List<HandoffRecord>> assignedTo(String agent);

  /** Waiting handoffs whose pick-up due time is at or before {@code now}, soonest first. */
  Future<List<HandoffRecord>> overdue(Instant now, int limit);

  /** Marks the pick-up breach of a waiting handoff; true only the first time (across instances). */
  Future<Boolean> markBreached(String conversationId);

  /** Restarts the expiry of the conversation's handoff (and its agent's assignments) from now. */
  Future<Void> touch(String conversationId);

  /** Appends one agent action to the conversation's audit trail. */
  Future<Void> audit(String conversationId, JsonObject action);

  /** The conversation's audit trail, oldest first. */
  Future<List<JsonObject>> auditTrail(String conversationId);

  /** What {@link #assign} did. */
  enum Outcome { ASSIGNED, ALREADY_YOURS, TAKEN, NOT_WAITING, FULL }

  record Assignment(Outcome outcome, HandoffRecord record) {
  }
}
