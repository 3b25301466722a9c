package io.parley.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of a conversation's transcript, whoever wrote it. {@code seq} is 0 until the store has
 * assigned it (1 for the first entry, then +1 with no gaps).
 *
 * @param payload for a customer's button press, the payload the bot acts on (the text is its title)
 * @param clientMsgId the customer client's id for the message, used for de-duplication
 */
public record TranscriptEntry(
    long seq,
    Author from,
    String text,
    Instant ts,
    List<QuickReply> quickReplies,
    String intent,
    String agentName,
    String payload,
    String clientMsgId) {

  public TranscriptEntry {
    quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
  }

  public static TranscriptEntry customer(String text, String payload, String clientMsgId, Instant ts) {
    return new TranscriptEntry(0, Author.CUSTOMER, text, ts, List.of(), null, null, payload, clientMsgId);
  }

  public static TranscriptEntry bot(String text, List<QuickReply> quickReplies, String intent, Instant ts) {
    return new TranscriptEntry(0, Author.BOT, text, ts, quickReplies, intent, null, null, null);
  }

  public TranscriptEntry withSeq(long newSeq) {
    return new TranscriptEntry(newSeq, from, text, ts, quickReplies, intent, agentName, payload, clientMsgId);
  }

  /** The stored form; {@code seq} is left out while it is 0 (the store writes it). */
  public JsonObject toJson() {
    JsonObject j = new JsonObject();
    if (seq > 0) {
      j.put("seq", seq);
    }
    j.put("from", from.wire()).put("text", text).put("ts", ts.toString());
    if (!quickReplies.isEmpty()) {
      JsonArray qr = new JsonArray();
      quickReplies.forEach(q -> qr.add(q.toJson()));
      j.put("quickReplies", qr);
    }
    putIfPresent(j, "intent", intent);
    putIfPresent(j, "agentName", agentName);
    putIfPresent(j, "payload", payload);
    putIfPresent(j, "clientMsgId", clientMsgId);
    return j;
  }

  public static TranscriptEntry fromJson(JsonObject j) {
    List<QuickReply> qr = new ArrayList<>();
    JsonArray arr = j.getJsonArray("quickReplies");
    if (arr != null) {
      for (int i = 0; i < arr.size(); i++) {
        qr.add(QuickReply.fromJson(arr.getJsonObject(i)));
      }
    }
    return new TranscriptEntry(
        j.getLong("seq", 0L),
        Author.fromWire(j.getString("from")),
        j.getString("text"),
        Instant.parse(j.getString("ts")),
        qr,
        j.getString("intent"),
        j.getString("agentName"),
        j.getString("payload"),
        j.getString("clientMsgId"));
  }

  private static void putIfPresent(JsonObject j, String key, String value) {
    if (value != null) {
      j.put(key, value);
    }
  }

  /**
   * The entry as the web chat's {@code message} frame (contracts §1): seq, from, text, ts, and
   * quickReplies, intent, agentName when set. The agent socket sends the same with conversationId.
   */
  public JsonObject toMessageFrame() {
    JsonObject f = new JsonObject().put("type", "message").put("seq", seq)
        .put("from", from.wire()).put("text", text).put("ts", ts.toString());
    if (!quickReplies.isEmpty()) {
      JsonArray qr = new JsonArray();
      quickReplies.forEach(q -> qr.add(q.toJson()));
      f.put("quickReplies", qr);
    }
    if (intent != null) {
      f.put("intent", intent);
    }
    if (agentName != null) {
      f.put("agentName", agentName);
    }
    return f;
  }
}
