package io.parley.config;

/** A setting that is missing, unknown or invalid; the message names the key and where it came from. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
