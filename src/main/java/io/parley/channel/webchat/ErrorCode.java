package io.parley.channel.webchat;

import java.util.Locale;

/** The error codes of the web chat protocol (contracts §1). */
public enum ErrorCode {
  BAD_JSON, BAD_FRAME, UNKNOWN_TYPE, HELLO_REQUIRED, RATE_LIMITED, BAD_RESUME_TOKEN, BAD_IDENTITY,
  STORE_UNAVAILABLE, INTERNAL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the client sent something wrong (these count towards closing with 1008). */
  public boolean clientFault() {
    return this == BAD_JSON || this == BAD_FRAME || this == UNKNOWN_TYPE || this == HELLO_REQUIRED
        || this == RATE_LIMITED;
  }
}
