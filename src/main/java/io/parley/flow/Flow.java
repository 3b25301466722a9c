package io.parley.flow;

import io.parley.conversation.OutboundMessage;
import io.vertx.core.Future;

/**
 * A guided process as a small state machine: it starts on an intent, asks for what it is missing one
 * message at a time, and ends (done, or handed to people). Its state is its slots, kept in the
 * conversation; its texts live in {@code intents/flows/<id>.yml}. The engine handles what every flow
 * shares: cancelling, a question in the middle, the language.
 */
public interface Flow {

  /** The flow's id, kept in the conversation while it runs. */
  String id();

  /** The first message (the one that started the flow; its entities may already fill slots). */
  Future<FlowStep> start(FlowTurn turn);

  /** A later message while the flow is active. */
  Future<FlowStep> next(FlowTurn turn);

  /**
   * The intent id (spec/intents.md) its messages carry: the flow's id when that is an intent,
   * otherwise the intent the flow serves.
   */
  default String intent(java.util.Map<String, String> slots) {
    return id();
  }

  /** The flow's pending question again, after the engine answered something else in between. */
  OutboundMessage prompt(FlowTurn turn);
}
