package io.parley.conversation;

import io.vertx.core.json.JsonObject;

/** The bodies published on {@link Addresses#conversation(String)}. */
public final class ConversationEvents {

  public static final String TYPE = "type";
  public static final String ENTRY = "entry";

  private ConversationEvents() {
  }

  /** A new transcript entry: {@code {"type":"entry","entry":{...}}}. */
  public static JsonObject entry(TranscriptEntry e) {
    return new JsonObject().put(TYPE, ENTRY).put(ENTRY, e.toJson());
  }
}
