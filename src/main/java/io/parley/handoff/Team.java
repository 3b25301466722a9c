package io.parley.handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * One team that takes conversations from the bot, as {@code config/teams.yaml} describes it.
 *
 * @param days the weekdays it works
 * @param times its opening periods on those days, in {@code zone}
 * @param tradingDaysOnly whether it skips exchange holidays (the trading desk)
 * @param pickupTarget how long a handoff may wait before a person picks it up (process 3.1.1)
 * @param intents the intents routed to it
 */
public record Team(
    String id,
    ZoneId zone,
    Set<DayOfWeek> days,
    List<Period> times,
    boolean tradingDaysOnly,
    Duration pickupTarget,
    Set<String> intents) {

  public Team {
    days = Set.copyOf(days);
    times = List.copyOf(times);
    intents = Set.copyOf(intents);
  }

  /** A daily opening period, {@code start} inclusive, {@code end} exclusive. */
  public record Period(LocalTime start, LocalTime end) {
    public static Period parse(String s) {
      String[] parts = s.trim().split("-");
      if (parts.length != 2) {
        throw new IllegalArgumentException("a period is HH:MM-HH:MM, got '" + s + "'");
      }
      Period p = new Period(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
      if (!p.end.isAfter(p.start)) {
        throw new IllegalArgumentException("a period must end after it starts: '" + s + "'");
      }
      return p;
    }
  }
}
