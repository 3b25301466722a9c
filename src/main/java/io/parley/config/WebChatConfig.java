package io.parley.config;

import java.time.Duration;

/** Web chat socket limits ({@code webchat.*}). */
public record WebChatConfig(
    int maxFrameBytes,
    int rateLimitMessages,
    Duration rateLimitWindow,
    int maxBadFrames,
    Duration pingInterval,
    Duration idleTimeout) {

  public WebChatConfig withRateLimit(int messages) {
    return new WebChatConfig(maxFrameBytes, messages, rateLimitWindow, maxBadFrames, pingInterval, idleTimeout);
  }
}
