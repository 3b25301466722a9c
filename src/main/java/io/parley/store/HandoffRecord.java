package io.parley.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A conversation handed to people: queued for a team, then assigned to an agent, until the handoff
 * ends. Kept in the {@link HandoffStore}, so a restart or another instance sees the same queue.
 *
 * @param locale the language for notices to the customer (zh-Hans, zh-Hant, en)
 * @param pickupDueAt when a person should have picked it up (the team's target after waitingSince)
 * @param agent the assigned agent's username, null while waiting
 */
public record HandoffRecord(
    String conversationId,
    String team,
    int priority,
    String intent,
    String summary,
    String caseId,
    String locale,
    Instant waitingSince,
    Instant pickupDueAt,
    String agent,
    String agentName,
    Instant assignedAt) {

  public static final String WAITING = "waiting";
  public static final String ASSIGNED = "assigned";

  public static HandoffRecord waiting(String conversationId, String team, int priority, String intent, String summary,
      String caseId, String locale, Instant since, Instant pickupDueAt) {
    return new HandoffRecord(conversationId, team, priority, intent, summary, caseId, locale, since, pickupDueAt,
        null, null, null);
  }

  public boolean assigned() {
    return agent != null;
  }

  public String state() {
    return assigned() ? ASSIGNED : WAITING;
  }

  public HandoffRecord assignTo(String username, String displayName, Instant at) {
    return new HandoffRecord(conversationId, team, priority, intent, summary, caseId, locale, waitingSince,
        pickupDueAt, username, displayName, at);
  }

  /** Queue order: higher priority first, then the longest wait. */
  public static int queueOrder(HandoffRecord a, HandoffRecord b) {
    int p = Integer.compare(b.priority, a.priority);
    if (p != 0) {
      return p;
    }
    int w = a.waitingSince.compareTo(b.waitingSince);
    return w != 0 ? w : a.conversationId.compareTo(b.conversationId);
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject()
        .put("conversationId", conversationId)
        .put("team", team)
        .put("priority", priority)
        .put("state", state())
        .put("locale", locale)
        .put("waitingSince", waitingSince.toString())
        .put("pickupDueAt", pickupDueAt.toString());
    put(j, "intent", intent);
    put(j, "summary", summary);
    put(j, "caseId", caseId);
    put(j, "agent", agent);
    put(j, "agentName", agentName);
    if (assignedAt != null) {
      j.put("assignedAt", assignedAt.toString());
    }
    return j;
  }

  public static HandoffRecord fromJson(JsonObject j) {
    String assigned = j.getString("assignedAt");
    return new HandoffRecord(
        j.getString("conversationId"),
        j.getString("team"),
        j.getInteger("priority", 0),
        j.getString("intent"),
        j.getString("summary"),
        j.getString("caseId"),
        j.getString("locale"),
        Instant.parse(j.getString("waitingSince")),
        Instant.parse(j.getString("pickupDueAt")),
        j.getString("agent"),
        j.getString("agentName"),
        assigned == null ? null : Instant.parse(assigned));
  }

  private static void put(JsonObject j, String k, String v) {
    if (v != null) {
      j.put(k, v);
    }
  }
}
