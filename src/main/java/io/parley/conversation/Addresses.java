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

  /** A team queue changed (a handoff queued, claimed or ended). Body: {@code {"team":"..."}}. */
  public static final String HANDOFF_QUEUES = "parley.handoff.queues";

  /** Alerts for supervisors: missed pick-up targets. Body: {@code {"type":"breach",...}}. */
  public static final String SUPERVISOR_ALERTS = "parley.supervisor.alerts";

  /** Open cases past their due time. Body: {@code {"type":"case_due","caseId":...}}. */
  public static final String CASE_DUE = "parley.case.due";

  /** Events for one agent's console sockets (a conversation assigned or released). */
  public static String agent(String username) {
    return "parley.agent." + username;
  }
}
