package io.parley.conversation;

import io.vertx.core.json.JsonObject;

/** A button offered with a message: the title the customer sees and the payload the bot acts on. */
public record QuickReply(String title, String payload) {

  public JsonObject toJson() {
    return new JsonObject().put("title", title).put("payload", payload);
  }

  public static QuickReply fromJson(JsonObject json) {
    return new QuickReply(json.getString("title"), json.getString("payload"));
  }
}
