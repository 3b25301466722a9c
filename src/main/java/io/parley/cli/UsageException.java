package io.parley.cli;

/** A wrong command line: unknown option, missing value, bad argument. Exit code 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
