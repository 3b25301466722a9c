package io.parley.nlu.entity;

/** The instrument list cannot be read or breaks a rule (bad code, missing board lot, ...). */
public class InstrumentListException extends RuntimeException {

  public InstrumentListException(String message) {
    super(message);
  }

  public InstrumentListException(String message, Throwable cause) {
    super(message, cause);
  }
}
