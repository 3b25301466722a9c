package io.parley.flow;

import io.parley.conversation.Conversation;
import io.parley.conversation.OutboundMessage;
import io.parley.nlu.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Checks that the person in the conversation is the customer they say they are, before the bot
 * tells them anything about their account. Pluggable: the demo implementation sends a one-time code
 * over the same channel; a brokerage plugs in its own (SMS code through its gateway, app push).
 */
public interface IdentityVerifier {

  /** Whether {@code customerNumber} has the shape of a customer number at all. */
  boolean plausible(String customerNumber);

  /**
   * Starts a check for {@code customerNumber}: what to keep in the conversation until the answer
   * comes (never the code itself), and the messages that deliver the challenge.
   */
  Challenge challenge(Conversation conversation, String customerNumber, Language lang, Instant now);

  /** Whether {@code answer} meets the challenge kept in {@code state}. */
  Result check(Conversation conversation, Map<String, String> state, String answer, Instant now);

  /** What to keep, and what to send. */
  record Challenge(Map<String, String> state, List<OutboundMessage> deliveries) {
  }

  /** The outcome of one answer. */
  enum Result { OK, WRONG, EXPIRED }
}
