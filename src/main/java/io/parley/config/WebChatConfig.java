package io.parley.config;

import java.time.Duration;

/**
 * Web chat socket limits and the widget identity secret ({@code webchat.*}).
 *
 * @param identitySecret verifies the widget's {@code identity} (contracts §1, §3); empty: identities
 *     are ignored and every conversation is anonymous
 */
public record WebChatConfig(
    int maxFrameBytes,
    int rateLimitMessages,
    Duration rateLimitWindow,
    int maxBadFrames,
    Duration pingInterval,
    Duration idleTimeout,
    String identitySecret) {

  public WebChatConfig {
    identitySecret = identitySecret == null ? "" : identitySecret;
  }

  /** Limits without an identity secret. */
  public WebChatConfig(int maxFrameBytes, int rateLimitMessages, Duration rateLimitWindow, int maxBadFrames,
      Duration pingInterval, Duration idleTimeout) {
    this(maxFrameBytes, rateLimitMessages, rateLimitWindow, maxBadFrames, pingInterval, idleTimeout, "");
  }

  public WebChatConfig withRateLimit(int messages) {
    return new WebChatConfig(maxFrameBytes, messages, rateLimitWindow, maxBadFrames, pingInterval, idleTimeout,
        identitySecret);
  }

  public WebChatConfig withIdentitySecret(String secret) {
    return new WebChatConfig(maxFrameBytes, rateLimitMessages, rateLimitWindow, maxBadFrames, pingInterval,
        idleTimeout, secret);
  }

  /** Whether widget identities are verified (a secret is set). */
  public boolean verifiesIdentity() {
    return !identitySecret.isEmpty();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "WebChatConfig[maxFrameBytes=" + maxFrameBytes + ", rateLimitMessages=" + rateLimitMessages
        + ", rateLimitWindow=" + rateLimitWindow + ", maxBadFrames=" + maxBadFrames + ", pingInterval="
        + pingInterval + ", idleTimeout=" + idleTimeout + ", identitySecret=" + (verifiesIdentity() ? "(set)" : "(unset)")
        + "]";
  }
}
