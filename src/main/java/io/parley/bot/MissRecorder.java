package io.parley.bot;

/**
 * Where the bot reports the messages it did not understand, for staff to review and improve the
 * content (process 4 and 5). The server's implementation counts them, logs them without the text,
 * and publishes them on the event bus.
 */
@FunctionalInterface
public interface MissRecorder {

  /**
   * @param reason "out_of_scope" or "ambiguous"
   * @param inARow the misses in a row in this conversation, this one included
   */
  void miss(String conversationId, long seq, String reason, String text, String language, int inARow);

  MissRecorder NONE = (c, s, r, t, l, n) -> { };
}
