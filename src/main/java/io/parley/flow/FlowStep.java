package io.parley.flow;

import io.parley.conversation.HandoffRequest;
import io.parley.conversation.OutboundMessage;
import java.util.List;
import java.util.Map;

/**
 * What a flow decided for one message.
 *
 * @param outcome see {@link Outcome}
 * @param slots the flow's slots after the message (CONTINUE only)
 * @param replies what to tell the customer
 * @param handoff for HANDOFF: who takes the conversation
 * @param verifiedCustomer for VERIFIED: the customer number just verified
 * @param then for VERIFIED: the intent to carry on with
 */
public record FlowStep(Outcome outcome, Map<String, String> slots, List<OutboundMessage> replies,
    HandoffRequest handoff, String verifiedCustomer, String then) {

  /** How a message leaves the flow. */
  public enum Outcome {
    /** The flow goes on with new slots. */
    CONTINUE,
    /** The flow is over. */
    DONE,
    /** The flow is over and a person takes the conversation. */
    HANDOFF,
    /** The message is not an answer to the flow's question (an FAQ in the middle, say): the engine
     * answers it and the flow asks its question again. */
    ASIDE,
    /** The customer's identity is verified; the engine carries on with {@link #then}. */
    VERIFIED
  }

  public FlowStep {
    slots = slots == null ? Map.of() : Map.copyOf(slots);
    replies = List.copyOf(replies);
  }

  public static FlowStep ask(Map<String, String> slots, OutboundMessage... replies) {
    return new FlowStep(Outcome.CONTINUE, slots, List.of(replies), null, null, null);
  }

  public static FlowStep done(OutboundMessage... replies) {
    return new FlowStep(Outcome.DONE, null, List.of(replies), null, null, null);
  }

  public static FlowStep handoff(HandoffRequest request, OutboundMessage... replies) {
    return new FlowStep(Outcome.HANDOFF, null, List.of(replies), request, null, null);
  }

  public static FlowStep aside() {
    return new FlowStep(Outcome.ASIDE, null, List.of(), null, null, null);
  }

  public static FlowStep verified(String customer, String then, OutboundMessage... replies) {
    return new FlowStep(Outcome.VERIFIED, null, List.of(replies), null, customer, then);
  }
}
