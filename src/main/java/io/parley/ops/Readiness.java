package io.parley.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Named readiness checks ({@code server}, {@code store}, later {@code model}). Each answers null when
 * ready, or the reason it is not.
 */
public final class Readiness {

  private final Map<String, Supplier<String>> checks = new LinkedHashMap<>();

  public synchronized Readiness add(String name, Supplier<String> check) {
    checks.put(name, check);
    return this;
  }

  /** The reason of every check that is not ready; empty when all are. */
  public synchronized Map<String, String> problems() {
    Map<String, String> out = new LinkedHashMap<>();
    checks.forEach((name, check) -> {
      String reason = check.get();
      if (reason != null) {
        out.put(name, reason);
      }
    });
    return out;
  }

  public boolean ready() {
    return problems().isEmpty();
  }
}
