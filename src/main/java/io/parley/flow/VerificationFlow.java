package io.parley.flow;

import io.parley.conversation.OutboundMessage;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identity verification before account-specific answers (process 3.1.1): asks for the customer
 * number, has the {@link IdentityVerifier} send a challenge, checks the answer (three tries), and on
 * success hands back to the engine with the intent the customer asked for ({@code then}).
 */
public final class VerificationFlow implements Flow {

  public static final String ID = "verify";
  /** The slot naming the intent to carry on with once verified. */
  public static final String THEN = "then";
  private static final String STEP = "step";
  private static final String NUMBER = "number";
  private static final String CODE = "code";
  private static final String CUSTOMER = "customer";
  private static final String TRIES = "tries";
  private static final int MAX_TRIES = 3;
  private static final Pattern DIGITS = Pattern.compile("\\d{4,12}");

  private final IdentityVerifier verifier;

  public VerificationFlow(IdentityVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public String id() {
    return ID;
  }

  /** Its messages carry the intent that needs the verification (order_status, progress_query ...). */
  @Override
  public String intent(Map<String, String> slots) {
    return slots.getOrDefault(THEN, "progress_query");
  }

  @Override
  public Future<FlowStep> start(FlowTurn t) {
    Map<String, String> slots = new HashMap<>();
    slots.put(STEP, NUMBER);
    if (t.slots().get(THEN) != null) {
      slots.put(THEN, t.slots().get(THEN));
    }
    return Future.succeededFuture(FlowStep.ask(slots, t.bot(intent(t.slots()), t.say("verify.why") + "\n" + t.say("verify.ask_number"),
        List.of(t.button("flow.button.cancel", "cancel")))));
  }

  @Override
  public Future<FlowStep> next(FlowTurn t) {
    Map<String, String> slots = new HashMap<>(t.slots());
    String digits = digits(t.text());
    if (digits == null && t.isAnotherTopic(intent(slots))) {
      return Future.succeededFuture(FlowStep.aside());
    }
    if (NUMBER.equals(slots.get(STEP))) {
      if (digits == null || !verifier.plausible(digits)) {
        return Future.succeededFuture(FlowStep.ask(slots, t.bot(intent(t.slots()), t.say("verify.bad_number"), cancel(t))));
      }
      IdentityVerifier.Challenge ch = verifier.challenge(t.conversation(), digits, t.lang(), t.now());
      slots.putAll(ch.state());
      slots.put(CUSTOMER, digits);
      slots.put(STEP, CODE);
      slots.put(TRIES, "0");
      List<OutboundMessage> out = new ArrayList<>(ch.deliveries());
      out.add(t.bot(intent(t.slots()), t.say("verify.ask_code"), cancel(t)));
      return Future.succeededFuture(FlowStep.ask(slots, out.toArray(OutboundMessage[]::new)));
    }
    IdentityVerifier.Result r = verifier.check(t.conversation(), slots, digits, t.now());
    switch (r) {
      case OK:
        return Future.succeededFuture(FlowStep.verified(slots.get(CUSTOMER), slots.get(THEN),
            t.bot(intent(t.slots()), t.say("verify.ok"), List.of())));
      case EXPIRED:
        slots.put(STEP, NUMBER);
        return Future.succeededFuture(FlowStep.ask(slots, t.bot(intent(t.slots()), t.say("verify.expired") + "\n" + t.say("verify.ask_number"),
            cancel(t))));
      default:
        int tries = Integer.parseInt(slots.getOrDefault(TRIES, "0")) + 1;
        if (tries >= MAX_TRIES) {
          return Future.succeededFuture(FlowStep.done(t.bot(intent(t.slots()), t.say("verify.failed"),
              List.of(t.button("label.agent_request", "agent_request")))));
        }
        slots.put(TRIES, String.valueOf(tries));
        return Future.succeededFuture(FlowStep.ask(slots, t.bot(intent(t.slots()), t.say("verify.wrong_code"), cancel(t))));
    }
  }

  @Override
  public OutboundMessage prompt(FlowTurn t) {
    String key = CODE.equals(t.slots().get(STEP)) ? "verify.ask_code" : "verify.ask_number";
    return t.bot(intent(t.slots()), t.say(key), cancel(t));
  }

  private static List<io.parley.conversation.QuickReply> cancel(FlowTurn t) {
    return List.of(t.button("flow.button.cancel", "cancel"));
  }

  private static String digits(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = DIGITS.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("[\\s-]", ""));
    return m.find() ? m.group() : null;
  }
}
