package io.parley.agent;

import io.parley.handoff.Actor;
import java.util.List;
import java.util.Set;

/**
 * A person who signs in to the agent console.
 *
 * @param role {@code agent} or {@code supervisor}
 * @param teams the team queues they work
 * @param languages the languages they answer in
 * @param capacity conversations at once
 * @param passwordHash {@link PasswordHashes} format
 */
public record AgentAccount(String username, String displayName, String role, List<String> teams,
    List<String> languages, int capacity, String passwordHash) {

  public static final String AGENT = "agent";
  public static final String SUPERVISOR = "supervisor";

  public AgentAccount {
    teams = List.copyOf(teams);
    languages = List.copyOf(languages);
  }

  public boolean supervisor() {
    return SUPERVISOR.equals(role);
  }

  public Actor actor() {
    return new Actor(username, displayName, supervisor(), Set.copyOf(teams), Set.copyOf(languages), capacity);
  }

  @Override
  public String toString() {
    return "AgentAccount[" + username + ", " + role + ", teams=" + teams + "]";
  }
}
