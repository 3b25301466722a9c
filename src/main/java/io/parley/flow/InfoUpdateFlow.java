package io.parley.flow;

import io.parley.cases.CaseDesk;
import io.parley.conversation.OutboundMessage;
import io.parley.store.CaseKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changing personal details (process 3.5.3) for a verified customer: which detail (phone, email,
 * address), the new value (phone and email checked by the entity extractors), then a {@code U-} case
 * for the back office with a promised time. The bot changes nothing itself.
 */
public final class InfoUpdateFlow implements Flow {

  public static final String ID = "info_update";
  private static final String STEP = "step";
  private static final String FIELD = "field";
  private static final List<String> FIELDS = List.of("phone", "email", "address");

  private final CaseDesk desk;

  public InfoUpdateFlow(CaseDesk desk) {
    this.desk = desk;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Future<FlowStep> start(FlowTurn t) {
    Map<String, String> slots = new HashMap<>();
    String field = fieldOf(t);
    if (field != null) {
      slots.put(FIELD, field);
      slots.put(STEP, "value");
    } else {
      slots.put(STEP, "field");
    }
    return Future.succeededFuture(FlowStep.ask(slots, ask(t, slots)));
  }

  @Override
  public Future<FlowStep> next(FlowTurn t) {
    Map<String, String> slots = new HashMap<>(t.slots());
    if ("field".equals(slots.get(STEP))) {
      String field = fieldOf(t);
      if (field == null && t.isAnotherTopic(ID)) {
        return Future.succeededFuture(FlowStep.aside());
      }
      if (field == null) {
        return Future.succeededFuture(FlowStep.ask(slots, ask(t, slots)));
      }
      slots.put(FIELD, field);
      slots.put(STEP, "value");
      return Future.succeededFuture(FlowStep.ask(slots, ask(t, slots)));
    }
    String field = slots.get(FIELD);
    String value = switch (field) {
      case "phone" -> t.entities() == null ? null : t.entities().phone();
      case "email" -> t.entities() == null ? null : t.entities().email();
      default -> t.text().strip().length() >= 6 ? t.text().strip() : null;
    };
    if (value == null) {
      return Future.succeededFuture(FlowStep.ask(slots, t.bot(ID, t.say("info_update.invalid_" + field),
          List.of(t.button("flow.button.cancel", "cancel")))));
    }
    var policy = desk.policy();
    JsonObject data = new JsonObject().put("field", field).put("newValue", value)
        .put("customerVerified", t.verifiedCustomer() != null).put("language", t.lang().tag());
    return desk.open(t.conversation(), CaseKind.INFO_UPDATE, t.entry().seq(), t.now(), policy.infoUpdateDue(t.now()), data)
        .map(rec -> FlowStep.done(t.bot(ID, t.say("info_update.opened", Map.of("case", rec.id(),
            "field", t.say("info_update.field." + field),
            "due", DueTimes.format(t.texts(), t.lang(), policy.calendar().zone(), rec.dueAt()))), List.of())));
  }

  @Override
  public OutboundMessage prompt(FlowTurn t) {
    return ask(t, t.slots());
  }

  private static OutboundMessage ask(FlowTurn t, Map<String, String> slots) {
    if ("value".equals(slots.get(STEP))) {
      return t.bot(ID, t.say("info_update.ask_" + slots.get(FIELD)), List.of(t.button("flow.button.cancel", "cancel")));
    }
    return t.bot(ID, t.say("info_update.ask_field"), List.of(t.button("info_update.field.phone", "field:phone"),
        t.button("info_update.field.email", "field:email"), t.button("info_update.field.address", "field:address"),
        t.button("flow.button.cancel", "cancel")));
  }

  /** The detail the customer names: a button, or a word from the {@code info_update.words.<field>} texts. */
  private static String fieldOf(FlowTurn t) {
    if (t.payload() != null && t.payload().startsWith("field:") && FIELDS.contains(t.payload().substring(6))) {
      return t.payload().substring(6);
    }
    String text = t.text().toLowerCase(java.util.Locale.ROOT);
    for (String f : FIELDS) {
      for (String word : t.say("info_update.words." + f).split("\\s*,\\s*")) {
        if (!word.isBlank() && text.contains(word.toLowerCase(java.util.Locale.ROOT))) {
          return f;
        }
      }
    }
    return null;
  }
}
