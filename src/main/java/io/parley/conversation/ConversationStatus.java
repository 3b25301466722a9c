package io.parley.conversation;

import java.util.Locale;

/** Who owns the conversation: the bot, the queue (waiting for a person), a person, or nobody. */
public enum ConversationStatus {
  BOT, WAITING, WITH_AGENT, CLOSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConversationStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
