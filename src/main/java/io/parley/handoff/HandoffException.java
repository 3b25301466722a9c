package io.parley.handoff;

/** A handoff or case action refused, with the HTTP status and error code the agent API answers. */
public final class HandoffException extends RuntimeException {

  private final int status;
  private final String code;

  public HandoffException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  static HandoffException notFound(String what) {
    return new HandoffException(404, "not_found", what);
  }

  static HandoffException conflict(String code, String message) {
    return new HandoffException(409, code, message);
  }

  /** 403 for what this person may not do here (the role check answers {@code forbidden}). */
  static HandoffException forbidden(String code, String message) {
    return new HandoffException(403, code, message);
  }
}
