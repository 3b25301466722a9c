package io.parley.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the settings once, at start-up, into {@link ParleyConfig}.
 *
 * <p>Layers, later ones win: the defaults (the {@code config/parley.yaml} of the build, carried in the
 * jar), the settings file on disk, short environment names ({@link #ALIASES}), then
 * {@code PARLEY_<KEY>} environment variables ({@code store.redis.url} -> {@code PARLEY_STORE_REDIS_URL}).
 * The defaults define which keys exist: an unknown key in the file is an error, so typos do not pass
 * silently.
 */
public final class ConfigLoader {

  /** The default location of the settings file, relative to the working directory. */
  public static final Path DEFAULT_FILE = Path.of("config", "parley.yaml");

  /** Short environment names for the common settings. */
  public static final Map<String, String> ALIASES = Map.of(
      "REDIS_URL", "store.redis.url",
      "PORT", "server.port",
      "PARLEY_IDENTITY_SECRET", "webchat.identity_secret",
      "PARLEY_HOURS", "handoff.hours",
      "PARLEY_TOKEN_SECRET", "agents.token_secret",
      "PARLEY_DEMO_PASSWORD", "agents.demo_password");

  private static final String DEFAULTS_RESOURCE = "/io/parley/config/parley.yaml";

  private ConfigLoader() {
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return "PARLEY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Loads the settings. {@code file} may be absent (the defaults then apply); when it is given
   * explicitly ({@code required}) and missing, that is an error.
   */
  public static ParleyConfig load(Path file, boolean required, Map<String, String> env) {
    Map<String, Object> defaults = flatten(readDefaults(), "");
    Map<String, Setting> settings = new LinkedHashMap<>();
    defaults.forEach((k, v) -> settings.put(k, new Setting(k, v, "defaults")));

    if (Files.isRegularFile(file)) {
      Map<String, Object> fromFile = flatten(readYaml(file), "");
      for (Map.Entry<String, Object> e : fromFile.entrySet()) {
        if (!defaults.containsKey(e.getKey())) {
          throw new ConfigException("unknown setting '" + e.getKey() + "' in " + file);
        }
        settings.put(e.getKey(), new Setting(e.getKey(), e.getValue(), file.toString()));
      }
    } else if (required) {
      throw new ConfigException("settings file not found: " + file);
    }

    ALIASES.forEach((name, key) -> {
      String v = env.get(name);
      if (v != null && !v.isEmpty()) {
        settings.put(key, new Setting(key, v, "environment variable " + name));
      }
    });
    for (String key : defaults.keySet()) {
      String name = envName(key);
      String v = env.get(name);
      if (v != null) {
        settings.put(key, new Setting(key, v, "environment variable " + name));
      }
    }
    return bind(new Settings(settings));
  }

  /** Loads from the default file (optional) and the process environment. */
  public static ParleyConfig load() {
    return load(DEFAULT_FILE, false, System.getenv());
  }

  private static ParleyConfig bind(Settings s) {
    ServerConfig server = new ServerConfig(
        s.string("server.host", false),
        s.integer("server.port", 0, 65535),
        s.integer("server.instances", 0, 256),
        s.list("server.allowed_origins"),
        s.seconds("server.shutdown_grace_seconds", 0, 3600));
    WebChatConfig webchat = new WebChatConfig(
        s.integer("webchat.max_frame_bytes", 256, 16 * 1024 * 1024),
        s.integer("webchat.rate_limit_messages", 1, 1_000_000),
        s.seconds("webchat.rate_limit_window_seconds", 1, 3600),
        s.integer("webchat.max_bad_frames", 1, 1000),
        s.seconds("webchat.ping_interval_seconds", 1, 3600),
        s.seconds("webchat.idle_timeout_seconds", 1, 86_400),
        s.string("webchat.identity_secret", true));
    if (webchat.idleTimeout().compareTo(webchat.pingInterval()) <= 0) {
      throw new ConfigException("webchat.idle_timeout_seconds must be longer than webchat.ping_interval_seconds");
    }
    RedisConfig redis = new RedisConfig(
        s.redisUrl("store.redis.url"),
        s.string("store.redis.prefix", false),
        s.millis("store.redis.command_timeout_ms", 10, 600_000),
        s.millis("store.redis.connect_timeout_ms", 10, 600_000),
        s.millis("store.redis.reconnect_max_delay_ms", 10, 600_000));
    String snapshot = s.string("store.memory.snapshot_file", true);
    MemoryConfig memory = new MemoryConfig(
        snapshot.isEmpty() ? null : Path.of(snapshot),
        s.seconds("store.memory.snapshot_interval_seconds", 1, 86_400));
    StoreKind kind = s.oneOf("store.kind", StoreKind.class);
    if (kind == StoreKind.REDIS && redis.url().isEmpty()) {
      throw new ConfigException("store.kind is redis but store.redis.url is empty (set REDIS_URL)");
    }
    StoreConfig store = new StoreConfig(
        kind,
        s.seconds("store.conversation_ttl_seconds", 60, 10L * 365 * 86_400),
        s.seconds("store.idempotency_ttl_seconds", 60, 365L * 86_400),
        redis,
        memory);
    String cache = s.string("nlu.cache_dir", true);
    String verifier = s.string("bot.verifier", false);
    if (!verifier.equals("demo")) {
      throw new ConfigException("bot.verifier: unknown verifier '" + verifier + "' (known: demo)");
    }
    BotConfig bot = new BotConfig(
        s.seconds("bot.verification_ttl_seconds", 60, 86_400),
        verifier,
        s.seconds("bot.code_validity_seconds", 30, 3600));
    String hours = s.string("handoff.hours", false).toLowerCase(Locale.ROOT);
    if (!hours.equals("always") && !hours.equals("business")) {
      throw s.invalid(s.get("handoff.hours"), "business or always");
    }
    HandoffConfig handoff = new HandoffConfig(
        hours.equals("always"),
        Path.of(s.string("handoff.teams_file", false)),
        Path.of(s.string("handoff.holidays_file", false)),
        s.seconds("handoff.sweep_interval_seconds", 1, 3600),
        s.bool("handoff.auto_assign"));
    AgentsConfig agents = new AgentsConfig(
        Path.of(s.string("agents.accounts_file", false)),
        s.string("agents.token_secret", true),
        s.seconds("agents.token_ttl_seconds", 60, 30L * 86_400),
        s.string("agents.demo_password", true));
    return new ParleyConfig(server, webchat, store, Path.of(s.string("intents.dir", false)),
        cache.isEmpty() ? null : Path.of(cache), bot, handoff, agents);
  }

  private static Object readDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build lost " + DEFAULTS_RESOURCE);
      }
      return yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  private static Object readYaml(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return yaml().load(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ConfigException("cannot parse " + file + ": " + e.getMessage());
    }
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static Map<String, Object> flatten(Object tree, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (tree == null) {
      return out;
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new ConfigException("settings must be a mapping of keys" + (prefix.isEmpty() ? "" : " at " + prefix));
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?>) {
        out.putAll(flatten(e.getValue(), key + "."));
      } else {
        out.put(key, e.getValue());
      }
    }
    return out;
  }

  private record Setting(String key, Object value, String source) {
  }

  /** Typed, validating access to the merged settings; every error names the key and its source. */
  private static final class Settings {
    private final Map<String, Setting> values;

    Settings(Map<String, Setting> values) {
      this.values = values;
    }

    private Setting get(String key) {
      Setting s = values.get(key);
      if (s == null) {
        throw new IllegalStateException("no default for " + key);
      }
      return s;
    }

    private ConfigException invalid(Setting s, String expected) {
      return new ConfigException("invalid value for " + s.key() + " (from " + s.source() + "): expected "
          + expected + ", got '" + s.value() + "'");
    }

    String string(String key, boolean mayBeEmpty) {
      Setting s = get(key);
      String v = s.value() == null ? "" : String.valueOf(s.value()).trim();
      if (v.isEmpty() && !mayBeEmpty) {
        throw invalid(s, "a non-empty value");
      }
      return v;
    }

    long number(String key, long min, long max) {
      Setting s = get(key);
      long v;
      try {
        v = s.value() instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(s.value()).trim());
        if (s.value() instanceof Double || s.value() instanceof Float) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw invalid(s, "a whole number from " + min + " to " + max);
      }
      if (v < min || v > max) {
        throw invalid(s, "a whole number from " + min + " to " + max);
      }
      return v;
    }

    boolean bool(String key) {
      Setting s = get(key);
      String v = String.valueOf(s.value()).trim().toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        return Boolean.parseBoolean(v);
      }
      throw invalid(s, "true or false");
    }

    int integer(String key, int min, int max) {
      return (int) number(key, min, max);
    }

    Duration seconds(String key, long min, long max) {
      return Duration.ofSeconds(number(key, min, max));
    }

    Duration millis(String key, long min, long max) {
      return Duration.ofMillis(number(key, min, max));
    }

    List<String> list(String key) {
      Setting s = get(key);
      List<String> out = new ArrayList<>();
      if (s.value() instanceof List<?> l) {
        for (Object o : l) {
          if (o == null || String.valueOf(o).isBlank()) {
            throw invalid(s, "a list of non-empty strings");
          }
          out.add(String.valueOf(o).trim());
        }
      } else if (s.value() != null && !(s.value() instanceof Map)) {
        for (String part : String.valueOf(s.value()).split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      } else if (s.value() != null) {
        throw invalid(s, "a list");
      }
      return List.copyOf(out);
    }

    <E extends Enum<E>> E oneOf(String key, Class<E> type) {
      Setting s = get(key);
      String v = String.valueOf(s.value()).trim().toUpperCase(Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(v)) {
          return e;
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw invalid(s, "one of " + String.join(", ", names));
    }

    String redisUrl(String key) {
      String v = string(key, true);
      if (!v.isEmpty() && !v.matches("(?i)(redis|rediss|redis-socket)://.+")) {
        throw invalid(get(key), "a URL such as redis://127.0.0.1:6379/0");
      }
      return v;
    }
  }
}
