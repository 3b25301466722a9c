package io.parley.conversation;

/** A resume token that is malformed, unknown, or whose conversation has expired. */
public final class BadResumeTokenException extends RuntimeException {
  public BadResumeTokenException() {
    super("unknown or expired resume token");
  }
}
