package io.parley.conversation;

import io.vertx.core.json.JsonObject;

/** The bodies published on {@link Addresses#conversation(String)}. */
public final class ConversationEvents {

  public static final String TYPE = "type";
  public static final String ENTRY = "entry";
  /** A frame for the customer's sockets that is not a transcript entry (handoff state, agent typing). */
  public static final String FRAME = "frame";

  /** The customer is typing (for the agent's console; customer sockets ignore it). */
  public static final String CUSTOMER_TYPING = "customer_typing";

  private ConversationEvents() {
  }

  /** A new transcript entry: {@code {"type":"entry","entry":{...}}}. */
  public static JsonObject entry(TranscriptEntry e) {
    return new JsonObject().put(TYPE, ENTRY).put(ENTRY, e.toJson());
  }

  /**
   * A frame every customer socket of the conversation passes on as it is, e.g.
   * {@code {"type":"frame","frame":{"type":"handoff","status":"queued",...}}}.
   */
  public static JsonObject frame(JsonObject customerFrame) {
    return new JsonObject().put(TYPE, FRAME).put(FRAME, customerFrame);
  }

  /** {@code {"type":"customer_typing"}}. */
  public static JsonObject customerTyping() {
    return new JsonObject().put(TYPE, CUSTOMER_TYPING);
  }
}
