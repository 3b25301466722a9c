package io.parley.testing;

import io.parley.config.ConfigLoader;
import io.parley.config.MemoryConfig;
import io.parley.config.ParleyConfig;
import io.parley.config.RedisConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Settings for servers started by tests: the real defaults, port 0, a store of the test's choosing. */
public final class TestServers {

  private TestServers() {
  }

  /** The shipped defaults (config/parley.yaml) with no environment, on a free port. */
  public static ParleyConfig defaults() {
    return ConfigLoader.load(Path.of("does-not-exist.yaml"), false, Map.of()).withPort(0);
  }

  /** The embedded store without a snapshot file. */
  public static ParleyConfig memory() {
    ParleyConfig c = defaults();
    return c.withStore(c.store().withMemory(new MemoryConfig(null, Duration.ofSeconds(30))));
  }

  /** The embedded store with a snapshot file. */
  public static ParleyConfig memory(Path snapshot) {
    ParleyConfig c = defaults();
    return c.withStore(c.store().withMemory(new MemoryConfig(snapshot, Duration.ofSeconds(30))));
  }

  /** Redis at {@code url} under {@code prefix}, with short timeouts so failures show fast. */
  public static ParleyConfig redis(String url, String prefix) {
    ParleyConfig c = defaults();
    RedisConfig r = new RedisConfig(url, prefix, Duration.ofMillis(1000), Duration.ofMillis(500), Duration.ofMillis(500));
    return c.withStore(c.store().withRedis(r));
  }
}
