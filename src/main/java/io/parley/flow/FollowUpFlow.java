package io.parley.flow;

import io.parley.cases.CaseDesk;
import io.parley.conversation.OutboundMessage;
import io.parley.store.CaseKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A question the assistant could not answer and the customer wants answered (process 3.1.4): a
 * {@code F-} case with the question and a promised time in working hours; the customer is told both.
 * Staff answer it through the agent API's case endpoints and the answer reaches the customer's
 * channel; an unanswered case raises a reminder at its due time.
 */
public final class FollowUpFlow implements Flow {

  public static final String ID = "follow_up";
  /** The slot the engine fills with the question that was not understood, when there is one. */
  public static final String QUESTION = "question";

  /** A follow-up is a request for a person's answer later: {@code agent_request} in the taxonomy. */
  private static final String INTENT = "agent_request";

  private final CaseDesk desk;

  public FollowUpFlow(CaseDesk desk) {
    this.desk = desk;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String intent(Map<String, String> slots) {
    return INTENT;
  }

  @Override
  public Future<FlowStep> start(FlowTurn t) {
    String question = t.slots().get(QUESTION);
    if (question != null && !question.isBlank()) {
      return open(t, question);
    }
    return Future.succeededFuture(FlowStep.ask(Map.of("step", "question"), prompt(t)));
  }

  @Override
  public Future<FlowStep> next(FlowTurn t) {
    return open(t, t.text().strip());
  }

  @Override
  public OutboundMessage prompt(FlowTurn t) {
    return t.bot(INTENT, t.say("follow_up.ask_question"), List.of(t.button("flow.button.cancel", "cancel")));
  }

  private Future<FlowStep> open(FlowTurn t, String question) {
    var policy = desk.policy();
    JsonObject data = new JsonObject()
        .put("question", question)
        .put("language", t.lang().tag())
        .put("channel", t.conversation().channel());
    return desk.open(t.conversation(), CaseKind.FOLLOW_UP, t.entry().seq(), t.now(), policy.followUpDue(t.now()), data)
        .map(rec -> FlowStep.done(t.bot(INTENT, t.say("follow_up.opened", Map.of("case", rec.id(),
            "due", DueTimes.format(t.texts(), t.lang(), policy.calendar().zone(), rec.dueAt()))), List.of())));
  }
}
