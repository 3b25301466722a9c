package io.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final Path NONE = Path.of("no-such-settings.yaml");

  @Test
  void theDefaultsComeFromTheShippedSettingsFile() {
    ParleyConfig c = ConfigLoader.load(NONE, false, Map.of());
    assertEquals(8080, c.server().port());
    assertEquals(StoreKind.MEMORY, c.store().effectiveKind());
    assertEquals(Duration.ofDays(7), c.store().conversationTtl());
    assertEquals(16384, c.webchat().maxFrameBytes());
    assertEquals(20, c.webchat().rateLimitMessages());
    assertEquals(Duration.ofSeconds(10), c.webchat().rateLimitWindow());
    assertEquals("parley:", c.store().redis().prefix());
    assertEquals(Path.of("intents"), c.intentsDir());
  }

  @Test
  void everyKeyHasAnEnvironmentVariableAndCommonOnesAShortName() {
    assertEquals("PARLEY_STORE_REDIS_URL", ConfigLoader.envName("store.redis.url"));
    ParleyConfig c = ConfigLoader.load(NONE, false, Map.of(
        "REDIS_URL", "redis://10.0.0.5:6380/2",
        "PORT", "9090",
        "PARLEY_WEBCHAT_RATE_LIMIT_MESSAGES", "50",
        "PARLEY_SERVER_ALLOWED_ORIGINS", "https://a.example, https://b.example",
        "PARLEY_STORE_MEMORY_SNAPSHOT_FILE", ""));
    assertEquals(StoreKind.REDIS, c.store().effectiveKind());
    assertEquals("redis://10.0.0.5:6380/2", c.store().redis().url());
    assertEquals(9090, c.server().port());
    assertEquals(50, c.webchat().rateLimitMessages());
    assertEquals(List.of("https://a.example", "https://b.example"), c.server().allowedOrigins());
    assertNull(c.store().memory().snapshotFile());
  }

  @Test
  void theIdentitySecretComesFromPARLEY_IDENTITY_SECRETAndIsNeverPrinted() {
    assertEquals("", ConfigLoader.load(NONE, false, Map.of()).webchat().identitySecret());
    assertFalse(ConfigLoader.load(NONE, false, Map.of()).webchat().verifiesIdentity());
    ParleyConfig c = ConfigLoader.load(NONE, false, Map.of("PARLEY_IDENTITY_SECRET", "s3cr3t-value"));
    assertEquals("s3cr3t-value", c.webchat().identitySecret());
    assertTrue(c.webchat().verifiesIdentity());
    assertFalse(c.webchat().toString().contains("s3cr3t-value"), c.webchat().toString());
    assertEquals("long", ConfigLoader.load(NONE, false,
        Map.of("PARLEY_IDENTITY_SECRET", "short", "PARLEY_WEBCHAT_IDENTITY_SECRET", "long")).webchat().identitySecret());
  }

  @Test
  void theLongNameWinsOverTheShortOne() {
    ParleyConfig c = ConfigLoader.load(NONE, false, Map.of("PORT", "9090", "PARLEY_SERVER_PORT", "9191"));
    assertEquals(9191, c.server().port());
  }

  @Test
  void aFileOverridesTheDefaultsAndTheEnvironmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("parley.yaml");
    Files.writeString(f, "server:\n  port: 7000\nwebchat:\n  max_frame_bytes: 4096\n");
    ParleyConfig c = ConfigLoader.load(f, true, Map.of("PORT", "7001"));
    assertEquals(7001, c.server().port());
    assertEquals(4096, c.webchat().maxFrameBytes());
    assertEquals(20, c.webchat().rateLimitMessages());
  }

  @Test
  void invalidValuesStopStartUpWithAMessageNamingTheKey(@TempDir Path dir) throws Exception {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(NONE, false, Map.of("PORT", "eighty")));
    assertTrue(e.getMessage().contains("server.port"), e.getMessage());
    assertTrue(e.getMessage().contains("environment variable PORT"), e.getMessage());

    e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(NONE, false, Map.of("PARLEY_WEBCHAT_RATE_LIMIT_MESSAGES", "0")));
    assertTrue(e.getMessage().contains("webchat.rate_limit_messages"), e.getMessage());

    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(NONE, false, Map.of("REDIS_URL", "localhost:6379")));
    assertTrue(e.getMessage().contains("store.redis.url"), e.getMessage());

    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(NONE, false, Map.of("PARLEY_STORE_KIND", "mongo")));
    assertTrue(e.getMessage().contains("store.kind") && e.getMessage().contains("memory, redis"), e.getMessage());

    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(NONE, false, Map.of("PARLEY_STORE_KIND", "redis")));
    assertTrue(e.getMessage().contains("store.redis.url"), e.getMessage());

    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "store:\n  redis:\n    urll: redis://x:1\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(typo, true, Map.of()));
    assertTrue(e.getMessage().contains("store.redis.urll"), e.getMessage());

    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "server: [unclosed\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(broken, true, Map.of()));
    assertTrue(e.getMessage().contains("broken.yaml"), e.getMessage());

    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("missing.yaml"), true, Map.of()));
    assertTrue(e.getMessage().contains("missing.yaml"), e.getMessage());
  }
}
