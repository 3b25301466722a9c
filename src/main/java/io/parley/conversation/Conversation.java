package io.parley.conversation;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Parley knows about one conversation, as kept in the store.
 *
 * @param locale the locale fixed by the customer or the client ({@code zh-Hans}, {@code zh-Hant},
 *     {@code en}), or {@code auto}: replies follow the script of each customer message
 * @param customerRef the channel's or the host site's id of the customer; null when anonymous
 * @param verified whether the customer's identity was verified
 * @param flow the guided flow in progress, null when none
 * @param slots what the flow has collected so far
 * @param seq the latest transcript seq (0 before the first entry)
 * @param version incremented by every state change; a change made on an older version is refused,
 *     so two instances never overwrite each other's turn
 * @param tokenHash SHA-256 of the secret part of the resume token
 */
public record Conversation(
    String id,
    String channel,
    String locale,
    String customerRef,
    boolean verified,
    ConversationStatus status,
    String flow,
    Map<String, String> slots,
    long seq,
    long version,
    Instant createdAt,
    String tokenHash) {

  public static final String AUTO_LOCALE = "auto";
  /**
   * The slot where the bot keeps the script of the customer's last typed message when the locale is
   * {@code auto}, so button presses and short words both scripts share are answered in it.
   */
  public static final String LANGUAGE_SLOT = "lang";

  public Conversation {
    slots = slots == null ? Map.of() : Map.copyOf(slots);
  }

  public static Conversation open(String id, String channel, String locale, String customerRef,
      boolean verified, Instant now, String tokenHash) {
    return new Conversation(id, channel, locale, customerRef, verified, ConversationStatus.BOT, null,
        Map.of(), 0, 0, now, tokenHash);
  }

  public Conversation withSeq(long newSeq) {
    return new Conversation(id, channel, locale, customerRef, verified, status, flow, slots, newSeq, version,
        createdAt, tokenHash);
  }

  public Conversation withVersion(long newVersion) {
    return new Conversation(id, channel, locale, customerRef, verified, status, flow, slots, seq, newVersion,
        createdAt, tokenHash);
  }

  public Conversation withFlow(String newFlow, Map<String, String> newSlots) {
    return new Conversation(id, channel, locale, customerRef, verified, status, newFlow, newSlots, seq, version,
        createdAt, tokenHash);
  }

  /** The conversation with its reply locale fixed ({@code zh-Hans}, {@code zh-Hant}, {@code en}) or {@code auto}. */
  public Conversation withLocale(String newLocale) {
    return new Conversation(id, channel, newLocale, customerRef, verified, status, flow, slots, seq, version,
        createdAt, tokenHash);
  }

  /** The conversation as belonging to {@code customer}, verified or not. */
  public Conversation withCustomer(String customer, boolean isVerified) {
    return new Conversation(id, channel, locale, customer, isVerified, status, flow, slots, seq, version,
        createdAt, tokenHash);
  }

  public Conversation withStatus(ConversationStatus newStatus) {
    return new Conversation(id, channel, locale, customerRef, verified, newStatus, flow, slots, seq, version,
        createdAt, tokenHash);
  }

  /** The state as stored: everything but {@code seq} and {@code version}, which the store keeps itself. */
  public JsonObject stateJson() {
    JsonObject j = new JsonObject()
        .put("id", id)
        .put("channel", channel)
        .put("locale", locale)
        .put("verified", verified)
        .put("status", status.wire())
        .put("createdAt", createdAt.toString())
        .put("tokenHash", tokenHash)
        .put("slots", new JsonObject(new LinkedHashMap<>(slots)));
    if (customerRef != null) {
      j.put("customerRef", customerRef);
    }
    if (flow != null) {
      j.put("flow", flow);
    }
    return j;
  }

  public static Conversation fromState(JsonObject j, long seq, long version) {
    Map<String, String> slots = new LinkedHashMap<>();
    JsonObject s = j.getJsonObject("slots");
    if (s != null) {
      s.forEach(e -> slots.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return new Conversation(
        j.getString("id"),
        j.getString("channel"),
        j.getString("locale"),
        j.getString("customerRef"),
        j.getBoolean("verified", false),
        ConversationStatus.fromWire(j.getString("status")),
        j.getString("flow"),
        slots,
        seq,
        version,
        Instant.parse(j.getString("createdAt")),
        j.getString("tokenHash"));
  }
}
