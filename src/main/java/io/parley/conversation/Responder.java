package io.parley.conversation;

import io.vertx.core.Future;
import java.util.List;

/**
 * What answers the customer: the bot. Given the conversation as stored and the customer's entry,
 * it decides the replies and the conversation's next state; the service stores both in one write.
 */
public interface Responder {

  /** The first entries of a new conversation (the greeting). */
  List<OutboundMessage> greet(Conversation conversation);

  /** The replies to one customer entry, and the state after it. */
  Future<Turn> respond(Conversation conversation, TranscriptEntry customerEntry);

  /**
   * A turn's outcome.
   *
   * @param next the conversation's new state, or null when the turn changes nothing
   * @param handoff set when the turn hands the conversation to people ({@code next} is then WAITING)
   */
  record Turn(Conversation next, List<OutboundMessage> replies, HandoffRequest handoff) {
    public Turn {
      replies = List.copyOf(replies);
    }

    public Turn(Conversation next, List<OutboundMessage> replies) {
      this(next, replies, null);
    }
  }
}
