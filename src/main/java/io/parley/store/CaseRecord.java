package io.parley.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A case: a request the bot could not finish (a complaint, a follow-up, an application, a trade
 * instruction, an information update), with a number the customer can quote, a due time and a
 * status history. Cases are never deleted.
 *
 * @param data what the case is about (kind-specific fields)
 * @param history every status the case has had, oldest first; the last one is {@link #status()}
 */
public record CaseRecord(
    String id,
    CaseKind kind,
    String conversationId,
    Instant createdAt,
    Instant dueAt,
    JsonObject data,
    List<StatusChange> history) {

  /** The key in {@link #data()} naming the customer the case belongs to (indexed by the store). */
  public static final String CUSTOMER_REF = "customerRef";

  /**
   * Statuses after which a case is no longer open. A trade instruction's result (executed,
   * partially_executed, rejected, cancelled) ends its T- record: what was not executed needs a new
   * instruction.
   */
  public static final Set<String> TERMINAL = Set.of("resolved", "closed", "cancelled", "rejected", "executed",
      "partially_executed");

  public CaseRecord {
    history = List.copyOf(history);
    data = data == null ? new JsonObject() : data.copy();
  }

  public String status() {
    return history.get(history.size() - 1).status();
  }

  public boolean open() {
    return !TERMINAL.contains(status());
  }

  /** One status the case took, when, and why. */
  public record StatusChange(String status, Instant at, String note) {
    public JsonObject toJson() {
      JsonObject j = new JsonObject().put("status", status).put("at", at.toString());
      if (note != null) {
        j.put("note", note);
      }
      return j;
    }

    public static StatusChange fromJson(JsonObject j) {
      return new StatusChange(j.getString("status"), Instant.parse(j.getString("at")), j.getString("note"));
    }
  }

  /** A case to create; the store gives it its number. */
  public record Draft(CaseKind kind, String conversationId, Instant createdAt, Instant dueAt, JsonObject data,
      String status) {
  }

  /** The immutable part of the record (everything but the history), as stored. */
  public JsonObject headerJson() {
    JsonObject j = new JsonObject()
        .put("id", id)
        .put("kind", kind.name())
        .put("conversationId", conversationId)
        .put("createdAt", createdAt.toString())
        .put("data", data);
    if (dueAt != null) {
      j.put("dueAt", dueAt.toString());
    }
    return j;
  }

  public JsonObject toJson() {
    JsonArray h = new JsonArray();
    history.forEach(c -> h.add(c.toJson()));
    return headerJson().put("status", status()).put("history", h);
  }

  public static CaseRecord fromJson(JsonObject header, List<StatusChange> history) {
    String due = header.getString("dueAt");
    return new CaseRecord(
        header.getString("id"),
        CaseKind.valueOf(header.getString("kind")),
        header.getString("conversationId"),
        Instant.parse(header.getString("createdAt")),
        due == null ? null : Instant.parse(due),
        header.getJsonObject("data"),
        history);
  }

  public static CaseRecord fromDraft(String id, Draft d) {
    List<StatusChange> h = new ArrayList<>();
    h.add(new StatusChange(d.status(), d.createdAt(), null));
    return new CaseRecord(id, d.kind(), d.conversationId(), d.createdAt(), d.dueAt(), d.data(), h);
  }
}
