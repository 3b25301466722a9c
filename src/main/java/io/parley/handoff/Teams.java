package io.parley.handoff;

import io.parley.config.YamlFiles;
import io.parley.conversation.HandoffRequest;
import io.parley.store.CaseKind;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The teams, how intents route to them, queue priorities and case ownership, read once from
 * {@code config/teams.yaml} and {@code config/holidays.yaml}.
 */
public final class Teams {

  /** The fixed team ids (contracts §1). */
  public static final List<String> IDS = List.of(HandoffRequest.TRADING_DESK, HandoffRequest.COMPLAINTS,
      HandoffRequest.ACCOUNT_SERVICES, HandoffRequest.GENERAL);

  private final Map<String, Team> teams;
  private final String defaultTeam;
  private final Map<String, Integer> priorities;
  private final int defaultPriority;
  private final Map<Character, String> caseTeams;
  private final Set<LocalDate> holidays;

  public Teams(Map<String, Team> teams, String defaultTeam, Map<String, Integer> priorities, int defaultPriority,
      Map<Character, String> caseTeams, Set<LocalDate> holidays) {
    this.teams = Map.copyOf(teams);
    this.defaultTeam = defaultTeam;
    this.priorities = Map.copyOf(priorities);
    this.defaultPriority = defaultPriority;
    this.caseTeams = Map.copyOf(caseTeams);
    this.holidays = Set.copyOf(holidays);
    for (String id : IDS) {
      if (!this.teams.containsKey(id)) {
        throw new IllegalArgumentException("teams: team '" + id + "' is missing");
      }
    }
    if (!this.teams.containsKey(defaultTeam)) {
      throw new IllegalArgumentException("teams: default_team '" + defaultTeam + "' is not a team");
    }
  }

  public Team team(String id) {
    Team t = teams.get(id);
    if (t == null) {
      throw new IllegalArgumentException("no team '" + id + "'");
    }
    return t;
  }

  public boolean exists(String id) {
    return teams.containsKey(id);
  }

  public List<Team> all() {
    return IDS.stream().map(teams::get).toList();
  }

  /** The team an intent routes to (the default team for an intent no team lists, or null). */
  public String teamOf(String intent) {
    if (intent != null) {
      for (String id : IDS) {
        if (teams.get(id).intents().contains(intent)) {
          return id;
        }
      }
    }
    return defaultTeam;
  }

  /** The queue priority of an intent (higher first). */
  public int priorityOf(String intent) {
    return intent == null ? defaultPriority : priorities.getOrDefault(intent, defaultPriority);
  }

  /** The team that works open cases of {@code kind}. */
  public String teamOf(CaseKind kind) {
    return caseTeams.getOrDefault(kind.letter(), defaultTeam);
  }

  public Set<LocalDate> holidays() {
    return holidays;
  }

  /** Reads the teams file and the holidays file (blocking: start-up only). */
  public static Teams load(Path teamsFile, Path holidaysFile) {
    Object tree = YamlFiles.readOrBundled(teamsFile, "teams.yaml");
    if (!(tree instanceof Map<?, ?> root) || !(root.get("teams") instanceof Map<?, ?> teamMap)) {
      throw new IllegalArgumentException(teamsFile + ": expected a 'teams' mapping");
    }
    Map<String, Team> teams = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : teamMap.entrySet()) {
      String id = String.valueOf(e.getKey());
      if (!IDS.contains(id)) {
        throw new IllegalArgumentException(teamsFile + ": unknown team '" + id + "' (the ids are " + IDS + ")");
      }
      if (!(e.getValue() instanceof Map<?, ?> t)) {
        throw new IllegalArgumentException(teamsFile + ": team '" + id + "' must be a mapping");
      }
      teams.put(id, team(teamsFile, id, t));
    }
    Map<String, Integer> priorities = new LinkedHashMap<>();
    int defaultPriority = HandoffRequest.PRIORITY_OTHER;
    if (root.get("priorities") instanceof Map<?, ?> p) {
      for (Map.Entry<?, ?> e : p.entrySet()) {
        int value = ((Number) e.getValue()).intValue();
        if (value < 0 || value > 99) {
          throw new IllegalArgumentException(teamsFile + ": priority of " + e.getKey() + " must be 0..99");
        }
        if ("default".equals(e.getKey())) {
          defaultPriority = value;
        } else {
          priorities.put(String.valueOf(e.getKey()), value);
        }
      }
    }
    Map<Character, String> caseTeams = new LinkedHashMap<>();
    if (root.get("case_teams") instanceof Map<?, ?> c) {
      c.forEach((k, v) -> {
        String team = String.valueOf(v);
        if (!IDS.contains(team)) {
          throw new IllegalArgumentException(teamsFile + ": case_teams." + k + " names no team: " + team);
        }
        caseTeams.put(String.valueOf(k).charAt(0), team);
      });
    }
    String defaultTeam = String.valueOf(root.containsKey("default_team") ? root.get("default_team") : HandoffRequest.GENERAL);
    return new Teams(teams, defaultTeam, priorities, defaultPriority, caseTeams, YamlFiles.holidays(holidaysFile));
  }

  private static Team team(Path file, String id, Map<?, ?> t) {
    try {
      ZoneId zone = ZoneId.of(String.valueOf(t.containsKey("zone") ? t.get("zone") : "Asia/Shanghai"));
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (Object d : list(t.get("days"))) {
        days.add(day(String.valueOf(d)));
      }
      List<Team.Period> times = new ArrayList<>();
      for (Object p : list(t.get("times"))) {
        times.add(Team.Period.parse(String.valueOf(p)));
      }
      Set<String> intents = new TreeSet<>();
      list(t.get("intents")).forEach(i -> intents.add(String.valueOf(i)));
      long target = t.get("pickup_target_seconds") instanceof Number n ? n.longValue() : 120;
      if (target < 1) {
        throw new IllegalArgumentException("pickup_target_seconds must be at least 1");
      }
      return new Team(id, zone, days, times, Boolean.TRUE.equals(t.get("trading_days_only")),
          Duration.ofSeconds(target), intents);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": team '" + id + "': " + e.getMessage(), e);
    }
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static DayOfWeek day(String s) {
    String d = s.trim().toLowerCase(Locale.ROOT);
    for (DayOfWeek w : DayOfWeek.values()) {
      if (w.name().toLowerCase(Locale.ROOT).startsWith(d) && d.length() >= 3) {
        return w;
      }
    }
    throw new IllegalArgumentException("unknown day '" + s + "' (mon..sun)");
  }
}
