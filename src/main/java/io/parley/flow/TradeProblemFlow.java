package io.parley.flow;

import io.parley.conversation.HandoffRequest;
import io.parley.conversation.OutboundMessage;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem while trading (process 3.3.4): at most two questions (what failed, unless the first
 * message already says; then when, and whether the order is still open), then an urgent handoff to
 * the trading desk with the customer's words as the summary.
 */
public final class TradeProblemFlow implements Flow {

  public static final String ID = "trade_problem";
  private static final String STEP = "step";
  private static final String WHAT = "what";
  private static final String WHEN = "when";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Future<FlowStep> start(FlowTurn t) {
    Map<String, String> slots = new HashMap<>();
    boolean detailed = t.payload() == null
        && (ComplaintFlow.detailed(t.text()) || t.entities() != null && t.entities().instrument() != null);
    if (detailed) {
      slots.put(WHAT, t.text().strip());
    }
    slots.put(STEP, detailed ? WHEN : WHAT);
    return Future.succeededFuture(FlowStep.ask(slots, ask(t, slots.get(STEP))));
  }

  @Override
  public Future<FlowStep> next(FlowTurn t) {
    Map<String, String> slots = new HashMap<>(t.slots());
    if (WHAT.equals(slots.get(STEP))) {
      slots.put(WHAT, t.text().strip());
      slots.put(STEP, WHEN);
      return Future.succeededFuture(FlowStep.ask(slots, ask(t, WHEN)));
    }
    String summary = slots.get(WHAT) + " / " + t.text().strip();
    if (summary.length() > 160) {
      summary = summary.substring(0, 157) + "...";
    }
    return Future.succeededFuture(FlowStep.handoff(new HandoffRequest(HandoffRequest.TRADING_DESK,
        HandoffRequest.PRIORITY_TRADE_PROBLEM, ID, summary, null), t.bot(ID, t.say("trade_problem.handing_over"), List.of())));
  }

  @Override
  public OutboundMessage prompt(FlowTurn t) {
    return ask(t, t.slots().getOrDefault(STEP, WHAT));
  }

  private static OutboundMessage ask(FlowTurn t, String step) {
    return t.bot(ID, t.say("trade_problem.ask_" + step), List.of(t.button("flow.button.cancel", "cancel")));
  }
}
