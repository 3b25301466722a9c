package io.parley.handoff;

import java.util.Set;

/**
 * The signed-in person acting on handoffs and cases: an agent or a supervisor (who may do what
 * agents do, in every team).
 */
public record Actor(String username, String displayName, boolean supervisor, Set<String> teams,
    Set<String> languages, int capacity) {

  public Actor {
    teams = Set.copyOf(teams);
    languages = Set.copyOf(languages);
  }

  /** Whether this person works {@code team}'s queue. */
  public boolean works(String team) {
    return supervisor || teams.contains(team);
  }
}
