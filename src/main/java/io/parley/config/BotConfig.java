package io.parley.config;

import java.time.Duration;

/**
 * How the bot treats identity.
 *
 * @param verificationTtl how long a verified identity stays verified in a conversation
 * @param verifier the identity verifier: {@code demo} (a one-time code shown in the chat)
 * @param codeValidity how long a one-time code can be used
 */
public record BotConfig(Duration verificationTtl, String verifier, Duration codeValidity) {
}
