package io.parley.conversation;

/**
 * A customer message from any channel, already translated at the border.
 *
 * @param text what enters the transcript (a button press: its title)
 * @param payload a button press's payload, which the bot acts on; null for typed text
 * @param idempotencyKey the client's or platform's message id; the same key again is not processed again
 */
public record InboundMessage(String conversationId, String text, String payload, String idempotencyKey) {
}
