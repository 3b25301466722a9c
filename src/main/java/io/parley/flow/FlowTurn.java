package io.parley.flow;

import io.parley.bot.TextCatalog;
import io.parley.conversation.Conversation;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.QuickReply;
import io.parley.conversation.TranscriptEntry;
import io.parley.nlu.Classification;
import io.parley.nlu.Language;
import io.parley.nlu.entity.Entities;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer message as a flow sees it.
 *
 * @param conversation the conversation as stored before this turn
 * @param entry the customer's entry (text as shown, payload for a button press)
 * @param lang the language to reply in
 * @param classification the intent engine's reading of the text (null for a button press)
 * @param entities what the text says (side, instrument, quantity, price, phone ...)
 * @param slots what this flow collected so far (its own keys only)
 * @param now the turn's time
 * @param verifiedCustomer the customer number when the identity is verified and not expired, else null
 * @param texts every customer-facing text
 */
public record FlowTurn(Conversation conversation, TranscriptEntry entry, Language lang,
    Classification classification, Entities entities, Map<String, String> slots, Instant now,
    String verifiedCustomer, TextCatalog texts) {

  public FlowTurn {
    slots = Map.copyOf(slots);
  }

  /** The text the customer typed (the button title for a button press). */
  public String text() {
    return entry.text() == null ? "" : entry.text();
  }

  /** The button's payload, or null when the customer typed. */
  public String payload() {
    return entry.payload();
  }

  /** The recognised intent: the button's payload when it names one, else the engine's top intent. */
  public String intent() {
    if (entry.payload() != null) {
      return entry.payload();
    }
    return classification == null ? null : classification.intent();
  }

  /** Whether the customer said yes (typed or pressed). */
  public boolean affirms() {
    return "affirm".equals(intent());
  }

  /** Whether the customer said no (typed or pressed). */
  public boolean denies() {
    return "deny".equals(intent());
  }

  /**
   * Whether the typed message is another topic the engine recognised (an FAQ, say) rather than an
   * answer to the flow's question: not a button, not out of scope, not yes or no, not the flow's own
   * intent.
   */
  public boolean isAnotherTopic(String flowIntent) {
    String i = intent();
    return payload() == null && i != null && classification != null && !classification.outOfScope()
        && !i.equals(flowIntent) && !i.equals("affirm") && !i.equals("deny");
  }

  /** A text of the catalog in the reply language. */
  public String say(String key, Map<String, String> values) {
    return texts.text(key, lang, values);
  }

  public String say(String key) {
    return texts.text(key, lang);
  }

  /** A bot message tagged with {@code intent}. */
  public OutboundMessage bot(String intent, String text, List<QuickReply> quickReplies) {
    return OutboundMessage.bot(text, quickReplies, intent);
  }

  /** A quick reply whose title is the text {@code key} and whose payload is {@code payload}. */
  public QuickReply button(String key, String payload) {
    return new QuickReply(texts.text(key, lang), payload);
  }

  /** The yes / no buttons (payloads {@code affirm} and {@code deny}). */
  public List<QuickReply> yesNo() {
    return List.of(button("flow.button.yes", "affirm"), button("flow.button.no", "deny"));
  }
}
