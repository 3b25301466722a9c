package io.parley.conversation;

/** Event-bus addresses, kept in one place. */
public final class Addresses {

  private Addresses() {
  }

  /**
   * Every event of one conversation (new transcript entries now, handoff changes later) for the
   * sockets of this process that show it. Body: {@link ConversationEvents}.
   */
  /**
   * Messages the bot did not understand, for review (JSON: conversationId, seq, reason, text,
   * language, inARow).
   */
  public static final String BOT_MISSES = "parley.bot.misses";

  public static String conversation(String conversationId) {
    return "parley.conversation." + conversationId;
  }
}
