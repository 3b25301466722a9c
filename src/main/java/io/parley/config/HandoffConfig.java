package io.parley.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Handoff settings ({@code handoff.*}).
 *
 * @param alwaysOpen {@code handoff.hours: always} (env {@code PARLEY_HOURS=always}): every team open
 * @param teamsFile teams, routing, priorities, hours and pick-up targets
 * @param holidaysFile the exchange holidays the trading desk skips
 * @param sweepInterval how often the due-time sweep runs
 * @param autoAssign whether new handoffs go straight to the least-loaded fitting agent
 */
public record HandoffConfig(
    boolean alwaysOpen,
    Path teamsFile,
    Path holidaysFile,
    Duration sweepInterval,
    boolean autoAssign) {

  public HandoffConfig withAlwaysOpen(boolean open) {
    return new HandoffConfig(open, teamsFile, holidaysFile, sweepInterval, autoAssign);
  }

  public HandoffConfig withSweepInterval(Duration interval) {
    return new HandoffConfig(alwaysOpen, teamsFile, holidaysFile, interval, autoAssign);
  }

  public HandoffConfig withAutoAssign(boolean auto) {
    return new HandoffConfig(alwaysOpen, teamsFile, holidaysFile, sweepInterval, auto);
  }
}
