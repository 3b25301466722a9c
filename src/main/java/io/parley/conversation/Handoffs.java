package io.parley.conversation;

import io.vertx.core.Future;

/**
 * The port through which the conversation hub hands a conversation to people. The bot decides a
 * handoff in its turn (the turn's state already says {@link ConversationStatus#WAITING}); once that
 * turn is stored, the service calls {@link #requested} so the handoff side queues it, starts its
 * pick-up timer and tells the customer's sockets. Implemented in {@code handoff/}.
 */
public interface Handoffs {

  /** Called once the turn that decided the handoff is stored; {@code conversation} is the stored state. */
  Future<Void> requested(Conversation conversation, HandoffRequest request);

  /**
   * The {@code handoff} frame that says where the conversation stands (queued with its position,
   * assigned with the agent's name), or a null result when it is not waiting for or with a person.
   * A resumed customer socket gets it after the replay (contracts §1).
   */
  default Future<io.vertx.core.json.JsonObject> currentFrame(String conversationId) {
    return Future.succeededFuture(null);
  }

  /** Until the handoff side is wired in: nothing is queued (the turn's state still records the request). */
  Handoffs NONE = (conversation, request) -> Future.succeededFuture();
}
