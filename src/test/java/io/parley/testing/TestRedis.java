package io.parley.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real Redis for tests: {@code REDIS_URL} when set, otherwise a {@code redis-server} from PATH
 * started on a free port (once per test JVM, stopped at exit). A missing Redis fails the test with
 * how to install it; it never skips. Tests write under their own key prefix and delete only those keys.
 */
public final class TestRedis {

  private static String sharedUrl;

  private TestRedis() {
  }

  /** The URL of the shared test Redis. */
  public static synchronized String url() {
    if (sharedUrl == null) {
      String env = System.getenv("REDIS_URL");
      sharedUrl = env != null && !env.isBlank() ? env : start(freePort()).url();
    }
    return sharedUrl;
  }

  /** A fresh key prefix for one test. */
  public static String uniquePrefix() {
    return "parley-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** Deletes every key under {@code prefix} (and only those). */
  public static void deleteKeys(String url, String prefix) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      RedisCommands<String, String> cmd = c.sync();
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = cmd.scan(cursor, ScanArgs.Builder.matches(escape(prefix) + "*").limit(500));
        if (!page.getKeys().isEmpty()) {
          cmd.del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      client.shutdown();
    }
  }

  /** Keys under {@code prefix}, for assertions. */
  public static List<String> keys(String url, String prefix) {
    RedisClient client = RedisClient.create(url);
    List<String> out = new ArrayList<>();
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(escape(prefix) + "*").limit(500));
        out.addAll(page.getKeys());
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      client.shutdown();
    }
    return out;
  }

  private static String escape(String glob) {
    return glob.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A redis-server process of a test's own, on {@code port}. */
  public static final class Server implements AutoCloseable {
    private final Process process;
    private final int port;

    Server(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    public String url() {
      return "redis://127.0.0.1:" + port + "/0";
    }

    public int port() {
      return port;
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts a redis-server of its own on {@code port} and waits until it accepts connections. */
  public static Server start(int port) {
    String binary = findRedisServer();
    try {
      Path dir = Files.createTempDirectory("parley-redis");
      Process p = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "no")
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile())
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        if (!p.isAlive()) {
          fail("redis-server exited at start; see " + dir.resolve("redis.log"));
        }
        try (Socket s = new Socket("127.0.0.1", port)) {
          return new Server(p, port);
        } catch (IOException notYet) {
          Thread.sleep(50);
        }
      }
      p.destroy();
      fail("redis-server did not start on port " + port);
      return null;
    } catch (IOException e) {
      fail("cannot start redis-server: " + e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String findRedisServer() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, "redis-server");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    fail("These tests need a real Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379/0) or install "
        + "redis-server on the PATH (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis).");
    return null;
  }
}
