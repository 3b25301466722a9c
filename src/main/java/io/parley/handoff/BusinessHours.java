package io.parley.handoff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Whether a team is open, and when it opens next: its weekly periods in its zone, skipping exchange
 * holidays and weekends for a team that follows trading days. With {@code alwaysOpen}
 * ({@code PARLEY_HOURS=always}) every team is open.
 */
public final class BusinessHours {

  /** How far ahead {@link #opensAt} looks (long holidays included). */
  private static final int HORIZON_DAYS = 30;

  private final Teams teams;
  private final boolean alwaysOpen;

  public BusinessHours(Teams teams, boolean alwaysOpen) {
    this.teams = teams;
    this.alwaysOpen = alwaysOpen;
  }

  public boolean isOpen(String teamId, Instant at) {
    if (alwaysOpen) {
      return true;
    }
    Team team = teams.team(teamId);
    ZonedDateTime local = at.atZone(team.zone());
    if (!workingDay(team, local.toLocalDate())) {
      return false;
    }
    return team.times().stream().anyMatch(p -> !local.toLocalTime().isBefore(p.start())
        && local.toLocalTime().isBefore(p.end()));
  }

  /** The next instant the team opens after {@code at}; empty when it is open now (or never opens). */
  public Optional<Instant> opensAt(String teamId, Instant at) {
    if (isOpen(teamId, at)) {
      return Optional.empty();
    }
    Team team = teams.team(teamId);
    ZonedDateTime local = at.atZone(team.zone());
    LocalDate day = local.toLocalDate();
    for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
      if (!workingDay(team, day)) {
        continue;
      }
      for (Team.Period p : team.times().stream().sorted((a, b) -> a.start().compareTo(b.start())).toList()) {
        ZonedDateTime start = day.atTime(p.start()).atZone(team.zone());
        if (start.toInstant().isAfter(at)) {
          return Optional.of(start.toInstant());
        }
      }
    }
    return Optional.empty();
  }

  private boolean workingDay(Team team, LocalDate day) {
    if (!team.days().contains(day.getDayOfWeek())) {
      return false;
    }
    return !team.tradingDaysOnly() || !teams.holidays().contains(day);
  }
}
