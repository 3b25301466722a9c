package io.parley.store;

/** The conversation does not exist or has expired. */
public final class ConversationNotFoundException extends RuntimeException {
  public ConversationNotFoundException(String conversationId) {
    super("no conversation " + conversationId);
  }
}
