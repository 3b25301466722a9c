package io.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handoff and agent settings and their environment variables (contracts §3). */
class HandoffSettingsTest {

  private static ParleyConfig load(Map<String, String> env) {
    return ConfigLoader.load(Path.of("does-not-exist.yaml"), false, env);
  }

  @Test
  void defaults() {
    ParleyConfig c = load(Map.of());
    assertFalse(c.handoff().alwaysOpen());
    assertFalse(c.handoff().autoAssign());
    assertEquals(Path.of("config/teams.yaml"), c.handoff().teamsFile());
    assertEquals(Duration.ofHours(8), c.agents().tokenTtl());
    assertEquals("", c.agents().tokenSecret());
    assertEquals("", c.agents().demoPassword());
  }

  @Test
  void theContractsEnvironmentVariables() {
    ParleyConfig c = load(Map.of("PARLEY_HOURS", "always", "PARLEY_TOKEN_SECRET", "s3cret",
        "PARLEY_DEMO_PASSWORD", "demo", "PARLEY_HANDOFF_AUTO_ASSIGN", "true", "PARLEY_AGENTS_TOKEN_TTL_SECONDS", "600"));
    assertTrue(c.handoff().alwaysOpen());
    assertEquals("s3cret", c.agents().tokenSecret());
    assertEquals("demo", c.agents().demoPassword());
    assertTrue(c.handoff().autoAssign());
    assertEquals(Duration.ofMinutes(10), c.agents().tokenTtl());
    assertFalse(c.agents().toString().contains("s3cret"), "secrets stay out of logs");
    assertThrows(ConfigException.class, () -> load(Map.of("PARLEY_HOURS", "sometimes")));
    assertThrows(ConfigException.class, () -> load(Map.of("PARLEY_HANDOFF_AUTO_ASSIGN", "yes")));
  }
}
