package io.parley.cli;

import java.util.List;

import io.parley.nlu.EngineConfig;

/** Applies {@code --set key=value} options to the engine defaults (for measurements; defaults are the chosen settings). */
final class EngineSettings {

  private EngineSettings() {}

  static EngineConfig apply(EngineConfig base, List<String> sets) {
    EngineConfig c = base;
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--set expects key=value, got: " + s);
      }
      try {
        c = c.with(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return c;
  }
}
