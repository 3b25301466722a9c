package io.parley.cases;

import io.parley.config.YamlFiles;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The promised times of {@code config/cases.yaml}: working hours and holidays, and how much working
 * time each kind of case may take. Read once at start-up.
 */
public final class CasePolicy {

  /** Where the file is looked for, relative to the working directory. */
  public static final Path DEFAULT_FILE = Path.of("config", "cases.yaml");

  private final WorkingCalendar calendar;
  private final Duration followUp;
  private final Duration infoUpdate;
  private final Map<String, Duration> complaint;

  public CasePolicy(WorkingCalendar calendar, Duration followUp, Duration infoUpdate, Map<String, Duration> complaint) {
    this.calendar = calendar;
    this.followUp = followUp;
    this.infoUpdate = infoUpdate;
    this.complaint = Map.copyOf(complaint);
    if (!this.complaint.containsKey("default")) {
      throw new IllegalArgumentException("complaint.due_working_hours needs a 'default'");
    }
  }

  /**
   * {@code config/cases.yaml} when it exists, else the copy in the jar (blocking), with the
   * {@code holidays} of the shared holidays file ({@code config/holidays.yaml}).
   */
  public static CasePolicy loadDefault(Set<LocalDate> holidays) {
    return parse(YamlFiles.readOrBundled(DEFAULT_FILE, "cases.yaml"), DEFAULT_FILE.toString(), holidays);
  }

  /** Reads a policy from its YAML tree; errors name {@code where} and the key. */
  public static CasePolicy parse(Object tree, String where, Set<LocalDate> holidays) {
    if (!(tree instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException(where + ": expected a mapping");
    }
    try {
      ZoneId zone = ZoneId.of(string(root, "zone", where));
      Map<?, ?> hours = map(root, "service_hours", where);
      Set<DayOfWeek> days = new HashSet<>();
      for (Object d : list(hours, "days", where)) {
        days.add(dayOf(String.valueOf(d), where));
      }
      WorkingCalendar calendar = new WorkingCalendar(zone, days, LocalTime.parse(string(hours, "open", where)),
          LocalTime.parse(string(hours, "close", where)), holidays);
      Duration followUp = hours(map(root, "follow_up", where), "due_working_hours", where);
      Duration infoUpdate = hours(map(root, "info_update", where), "due_working_hours", where);
      Map<String, Duration> complaint = new HashMap<>();
      Map<?, ?> byCategory = map(map(root, "complaint", where), "due_working_hours", where);
      for (Map.Entry<?, ?> e : byCategory.entrySet()) {
        complaint.put(String.valueOf(e.getKey()), hours(byCategory, String.valueOf(e.getKey()), where));
      }
      return new CasePolicy(calendar, followUp, infoUpdate, complaint);
    } catch (RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(where)) {
        throw e;
      }
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  /** When a follow-up opened at {@code now} is due. */
  public Instant followUpDue(Instant now) {
    return calendar.plusWorkingTime(now, followUp);
  }

  /** When an information update requested at {@code now} is due. */
  public Instant infoUpdateDue(Instant now) {
    return calendar.plusWorkingTime(now, infoUpdate);
  }

  /** When a complaint of {@code category} opened at {@code now} is due. */
  public Instant complaintDue(String category, Instant now) {
    return calendar.plusWorkingTime(now, complaint.getOrDefault(category, complaint.get("default")));
  }

  private static DayOfWeek dayOf(String s, String where) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(s.toUpperCase(Locale.ROOT)) && s.length() >= 3) {
        return d;
      }
    }
    throw new IllegalArgumentException(where + ": service_hours.days: not a day: " + s);
  }

  private static Duration hours(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (!(v instanceof Number n) || n.doubleValue() <= 0) {
      throw new IllegalArgumentException(where + ": " + key + " must be a positive number of hours");
    }
    return Duration.ofMinutes(Math.round(n.doubleValue() * 60));
  }

  private static Map<?, ?> map(Map<?, ?> m, String key, String where) {
    if (!(m.get(key) instanceof Map<?, ?> v)) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a mapping");
    }
    return v;
  }

  private static List<?> list(Map<?, ?> m, String key, String where) {
    if (!(m.get(key) instanceof List<?> v)) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a list");
    }
    return v;
  }

  private static String string(Map<?, ?> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException(where + ": '" + key + "' is missing");
    }
    return String.valueOf(v);
  }
}
