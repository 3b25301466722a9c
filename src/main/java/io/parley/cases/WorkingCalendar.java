package io.parley.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working time: the same opening hours on given weekdays, minus holidays, in one time zone. Answers
 * "when is {@code start} plus this much working time" for promised times.
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close,
    Set<LocalDate> holidays) {

  public WorkingCalendar {
    days = Set.copyOf(days);
    holidays = Set.copyOf(holidays);
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException("service hours close (" + close + ") must be after open (" + open + ")");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("service hours need at least one working day");
    }
  }

  /** Whether {@code date} is a working day. */
  public boolean workingDay(LocalDate date) {
    return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** Whether the service is open at {@code t}. */
  public boolean isOpen(Instant t) {
    ZonedDateTime z = t.atZone(zone);
    LocalTime time = z.toLocalTime();
    return workingDay(z.toLocalDate()) && !time.isBefore(open) && time.isBefore(close);
  }

  /** The instant {@code amount} of working time after {@code start}. */
  public Instant plusWorkingTime(Instant start, Duration amount) {
    Duration left = amount;
    ZonedDateTime at = start.atZone(zone);
    for (int guard = 0; guard < 3660; guard++) {
      LocalDate day = at.toLocalDate();
      if (workingDay(day)) {
        ZonedDateTime dayOpen = day.atTime(open).atZone(zone);
        ZonedDateTime dayClose = day.atTime(close).atZone(zone);
        ZonedDateTime from = at.isBefore(dayOpen) ? dayOpen : at;
        if (from.isBefore(dayClose)) {
          Duration available = Duration.between(from, dayClose);
          if (available.compareTo(left) >= 0) {
            return from.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      at = day.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("no working time within ten years of " + start);
  }
}
