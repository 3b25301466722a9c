package io.parley.agent;

import io.parley.config.YamlFiles;
import io.parley.handoff.Teams;
import io.parley.nlu.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent and supervisor accounts: {@code config/agents.yaml}, plus the demo accounts
 * {@code demo-agent} (every team, every language) and {@code demo-supervisor} when a demo password
 * is set (contracts §3). Read once at start-up (blocking: hashing the demo password is slow).
 */
public final class AgentDirectory {

  public static final String DEMO_AGENT = "demo-agent";
  public static final String DEMO_SUPERVISOR = "demo-supervisor";

  private final Map<String, AgentAccount> accounts;

  public AgentDirectory(List<AgentAccount> accounts) {
    Map<String, AgentAccount> m = new LinkedHashMap<>();
    accounts.forEach(a -> m.put(a.username(), a));
    this.accounts = Map.copyOf(m);
  }

  public Optional<AgentAccount> find(String username) {
    return Optional.ofNullable(username == null ? null : accounts.get(username));
  }

  public List<AgentAccount> all() {
    return List.copyOf(accounts.values());
  }

  /** Reads {@code file} (absent: no accounts) and adds the demo accounts when {@code demoPassword} is set. */
  public static AgentDirectory load(Path file, String demoPassword) {
    List<AgentAccount> list = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      Object tree = YamlFiles.read(file);
      Object accounts = tree instanceof Map<?, ?> m ? m.get("accounts") : null;
      if (accounts != null && !(accounts instanceof List<?>)) {
        throw new IllegalArgumentException(file + ": 'accounts' must be a list");
      }
      if (accounts instanceof List<?> l) {
        for (Object o : l) {
          list.add(account(file, o));
        }
      }
    }
    if (demoPassword != null && !demoPassword.isEmpty()) {
      List<String> langs = Arrays.stream(Language.values()).map(Language::tag).toList();
      list.removeIf(a -> a.username().equals(DEMO_AGENT) || a.username().equals(DEMO_SUPERVISOR));
      list.add(new AgentAccount(DEMO_AGENT, "Demo Agent", AgentAccount.AGENT, Teams.IDS, langs, 5,
          PasswordHashes.hash(demoPassword.toCharArray())));
      list.add(new AgentAccount(DEMO_SUPERVISOR, "Demo Supervisor", AgentAccount.SUPERVISOR, Teams.IDS, langs, 5,
          PasswordHashes.hash(demoPassword.toCharArray())));
    }
    return new AgentDirectory(list);
  }

  private static AgentAccount account(Path file, Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(file + ": every account must be a mapping");
    }
    String username = str(m.get("username"));
    String where = file + ": account '" + username + "': ";
    if (username.isEmpty() || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(file + ": an account needs a username of letters, digits, . _ @ -");
    }
    String role = str(m.get("role"));
    if (!role.equals(AgentAccount.AGENT) && !role.equals(AgentAccount.SUPERVISOR)) {
      throw new IllegalArgumentException(where + "role must be agent or supervisor");
    }
    List<String> teams = strings(m.get("teams"));
    for (String t : teams) {
      if (!Teams.IDS.contains(t)) {
        throw new IllegalArgumentException(where + "unknown team " + t + " (" + Teams.IDS + ")");
      }
    }
    List<String> languages = strings(m.get("languages"));
    for (String l : languages) {
      if (Language.fromTag(l).isEmpty()) {
        throw new IllegalArgumentException(where + "unknown language " + l + " (zh-Hans, zh-Hant, en)");
      }
    }
    int capacity = m.get("capacity") instanceof Number n ? n.intValue() : 3;
    if (capacity < 1 || capacity > 100) {
      throw new IllegalArgumentException(where + "capacity must be 1..100");
    }
    String hash = str(m.get("password_hash"));
    if (!PasswordHashes.wellFormed(hash)) {
      throw new IllegalArgumentException(where + "password_hash must be made by 'parley hash-password'");
    }
    String display = str(m.get("display_name"));
    return new AgentAccount(username, display.isEmpty() ? username : display, role, teams, languages, capacity, hash);
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o).trim();
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x).trim()));
    }
    return out;
  }
}
