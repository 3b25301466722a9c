package io.parley.channel.webchat;

import io.parley.conversation.TranscriptEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Server-to-client frames of the web chat protocol (contracts §1). */
final class Frames {

  private Frames() {
  }

  static JsonObject welcome(String conversationId, String resumeToken, long seq, String locale) {
    return new JsonObject().put("type", "welcome").put("conversationId", conversationId)
        .put("resumeToken", resumeToken).put("seq", seq).put("locale", locale);
  }

  static JsonObject ack(String clientMsgId, long seq) {
    return new JsonObject().put("type", "ack").put("clientMsgId", clientMsgId).put("seq", seq);
  }

  /** A transcript entry as a {@code message} frame. */
  static JsonObject message(TranscriptEntry e) {
    return e.toMessageFrame();
  }

  static JsonObject error(ErrorCode code, String message, String clientMsgId) {
    JsonObject f = new JsonObject().put("type", "error").put("code", code.wire()).put("message", message);
    if (clientMsgId != null) {
      f.put("clientMsgId", clientMsgId);
    }
    return f;
  }
}
