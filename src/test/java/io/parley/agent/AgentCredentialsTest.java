package io.parley.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.App;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password hashes, tokens, the accounts file, demo accounts and the hash-password command. */
class AgentCredentialsTest {

  @Test
  void passwordHashesAreSaltedSelfDescribingAndVerify() {
    String h1 = PasswordHashes.hash("correct horse".toCharArray());
    String h2 = PasswordHashes.hash("correct horse".toCharArray());
    assertTrue(h1.startsWith("pbkdf2-sha256$210000$"), h1);
    assertFalse(h1.equals(h2), "a new salt every time");
    assertTrue(PasswordHashes.verify("correct horse".toCharArray(), h1));
    assertFalse(PasswordHashes.verify("correct horsE".toCharArray(), h1));
    assertFalse(PasswordHashes.verify("x".toCharArray(), "plain-text"));
    assertFalse(PasswordHashes.wellFormed("pbkdf2-sha256$x$y$z"));
  }

  @Test
  void tokensAreSignedAndExpire() {
    AgentTokens tokens = new AgentTokens("secret-one".getBytes(StandardCharsets.UTF_8), Duration.ofHours(8));
    AgentAccount a = new AgentAccount("li", "Li", "agent", java.util.List.of("general"), java.util.List.of("en"), 2, "h");
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    String token = tokens.issue(a, now);
    var claims = tokens.verify(token, now.plusSeconds(60)).orElseThrow();
    assertEquals("li", claims.username());
    assertEquals("agent", claims.role());
    assertTrue(tokens.verify(token, now.plus(Duration.ofHours(8))).isEmpty(), "expired");
    AgentTokens other = new AgentTokens("secret-two".getBytes(StandardCharsets.UTF_8), Duration.ofHours(8));
    assertTrue(other.verify(token, now).isEmpty(), "another secret");
    String[] parts = token.split("\\.");
    String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"sub\":\"li\",\"role\":\"supervisor\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
    assertTrue(tokens.verify(tampered, now).isEmpty(), "a changed payload");
    assertTrue(tokens.verify("garbage", now).isEmpty());
  }

  @Test
  void theAccountsFileAndTheDemoAccounts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agents.yaml");
    String hash = PasswordHashes.hash("a long password".toCharArray());
    Files.writeString(file, """
        accounts:
          - username: li.na
            display_name: "Li Na"
            role: agent
            teams: [trading_desk, general]
            languages: [zh-Hans, en]
            capacity: 2
            password_hash: "%s"
        """.formatted(hash));
    AgentDirectory d = AgentDirectory.load(file, "");
    assertEquals(1, d.all().size());
    AgentAccount li = d.find("li.na").orElseThrow();
    assertEquals("Li Na", li.displayName());
    assertEquals(2, li.capacity());
    assertTrue(d.find(AgentDirectory.DEMO_AGENT).isEmpty(), "no demo accounts without a demo password");

    AgentDirectory demo = AgentDirectory.load(file, "demo-secret");
    assertTrue(demo.find(AgentDirectory.DEMO_AGENT).orElseThrow().teams().containsAll(io.parley.handoff.Teams.IDS));
    assertTrue(demo.find(AgentDirectory.DEMO_SUPERVISOR).orElseThrow().supervisor());
    assertTrue(PasswordHashes.verify("demo-secret".toCharArray(), demo.find(AgentDirectory.DEMO_AGENT).get().passwordHash()));

    Files.writeString(file, "accounts:\n  - {username: x, role: admin, password_hash: \"" + hash + "\"}\n");
    assertThrows(IllegalArgumentException.class, () -> AgentDirectory.load(file, ""));
    Files.writeString(file, "accounts:\n  - {username: x, role: agent, password_hash: \"secret\"}\n");
    assertThrows(IllegalArgumentException.class, () -> AgentDirectory.load(file, ""));
    // the shipped file has no accounts
    assertTrue(AgentDirectory.load(Path.of("config/agents.yaml"), "").all().isEmpty());
  }

  @Test
  void hashPasswordPrintsAHashThatVerifies() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = App.cli().run(new String[] {"hash-password"},
        new ByteArrayInputStream("a long passphrase\n".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String hash = out.toString(StandardCharsets.UTF_8).trim();
    assertTrue(PasswordHashes.verify("a long passphrase".toCharArray(), hash), hash);
    int tooShort = App.cli().run(new String[] {"hash-password"},
        new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, tooShort);
  }
}
