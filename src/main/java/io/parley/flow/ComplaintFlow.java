package io.parley.flow;

import io.parley.cases.CaseDesk;
import io.parley.conversation.HandoffRequest;
import io.parley.conversation.OutboundMessage;
import io.parley.store.CaseKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Complaint intake (process 3.4, steps 1-2): keeps the customer's own words, asks at most two
 * questions (what happened, when; the first is skipped when the opening message already tells it),
 * classifies the category with the complaint model, opens a {@code C-} case with the category's
 * promised time, tells the customer the number and the time, and hands the conversation to the
 * complaints team.
 */
public final class ComplaintFlow implements Flow {

  public static final String ID = "complaint";
  /** An opening message at least this long (in characters, after trimming) already says what happened. */
  private static final int DETAILED_CJK = 12;
  private static final int DETAILED_LATIN = 40;
  private static final String STEP = "step";
  private static final String WHAT = "what";
  private static final String WHEN = "when";

  private final CaseDesk desk;
  private final ComplaintCategories categories;

  public ComplaintFlow(CaseDesk desk, ComplaintCategories categories) {
    this.desk = desk;
    this.categories = categories;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Future<FlowStep> start(FlowTurn t) {
    Map<String, String> slots = new HashMap<>();
    if (t.payload() == null && detailed(t.text())) {
      slots.put(WHAT, t.text().strip());
      slots.put(STEP, WHEN);
    } else {
      slots.put(STEP, WHAT);
    }
    return Future.succeededFuture(FlowStep.ask(slots, prompt(withSlots(t, slots))));
  }

  @Override
  public Future<FlowStep> next(FlowTurn t) {
    Map<String, String> slots = new HashMap<>(t.slots());
    String text = t.text().strip();
    if (WHAT.equals(slots.get(STEP))) {
      slots.put(WHAT, text);
      slots.put(STEP, WHEN);
      return Future.succeededFuture(FlowStep.ask(slots, prompt(withSlots(t, slots))));
    }
    slots.put(WHEN, text);
    return open(t, slots);
  }

  @Override
  public OutboundMessage prompt(FlowTurn t) {
    String key = WHAT.equals(t.slots().get(STEP)) ? "complaint.ask_what" : "complaint.ask_when";
    return t.bot(ID, t.say(key), List.of(t.button("flow.button.cancel", "cancel")));
  }

  private static FlowTurn withSlots(FlowTurn t, Map<String, String> slots) {
    return new FlowTurn(t.conversation(), t.entry(), t.lang(), t.classification(), t.entities(), slots, t.now(),
        t.verifiedCustomer(), t.texts());
  }

  static boolean detailed(String text) {
    String s = text.strip();
    boolean cjk = s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    return s.length() >= (cjk ? DETAILED_CJK : DETAILED_LATIN);
  }

  private Future<FlowStep> open(FlowTurn t, Map<String, String> slots) {
    String what = slots.get(WHAT);
    ComplaintCategories.Guess guess = categories.guess(what);
    var policy = desk.policy();
    var due = policy.complaintDue(guess.category(), t.now());
    JsonObject data = new JsonObject()
        .put("text", what)
        .put("when", slots.get(WHEN))
        .put("category", guess.category())
        .put("categoryConfidence", Math.round(guess.confidence() * 1000) / 1000.0)
        .put("categorySource", "model")
        .put("language", t.lang().tag())
        .put("customerVerified", t.verifiedCustomer() != null);
    return desk.open(t.conversation(), CaseKind.COMPLAINT, t.entry().seq(), t.now(), due, data).map(rec -> {
      String text = t.say("complaint.opened", Map.of("case", rec.id(),
          "category", t.say("complaint.category." + guess.category()),
          "due", DueTimes.format(t.texts(), t.lang(), policy.calendar().zone(), rec.dueAt())));
      return FlowStep.handoff(new HandoffRequest(HandoffRequest.COMPLAINTS, HandoffRequest.PRIORITY_COMPLAINT, ID,
          summary(what), rec.id()), t.bot(ID, text, List.of()));
    });
  }

  private static String summary(String what) {
    return what.length() <= 120 ? what : what.substring(0, 117) + "...";
  }
}
