package io.parley.agent;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated sign-in failures, per username and per remote address: after n consecutive
 * failures the next attempt waits 250 ms x 2^(n-1), at most 5 s (0, 250 ms, 500 ms, 1 s, 2 s, 4 s,
 * 5 s ...). A success resets the username and the address; failures older than 15 minutes are
 * forgotten. Per instance (in memory).
 */
public final class LoginThrottle {

  private static final long BASE_MS = 250;
  private static final long MAX_MS = 5_000;
  private static final long FORGET_NANOS = Duration.ofMinutes(15).toNanos();
  private static final int MAX_TRACKED = 100_000;

  private record Failures(int count, long lastNanos) {
  }

  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

  /** How long to wait before checking this attempt. */
  public long delayMillis(String username, String address) {
    return Math.max(delay("u:" + username), delay("a:" + address));
  }

  public void failed(String username, String address) {
    if (failures.size() > MAX_TRACKED) {
      long now = System.nanoTime();
      failures.values().removeIf(f -> now - f.lastNanos > FORGET_NANOS);
    }
    bump("u:" + username);
    bump("a:" + address);
  }

  public void succeeded(String username, String address) {
    failures.remove("u:" + username);
    failures.remove("a:" + address);
  }

  private void bump(String key) {
    long now = System.nanoTime();
    failures.compute(key, (k, f) -> f == null || now - f.lastNanos > FORGET_NANOS
        ? new Failures(1, now) : new Failures(f.count + 1, now));
  }

  private long delay(String key) {
    Failures f = failures.get(key);
    if (f == null || System.nanoTime() - f.lastNanos > FORGET_NANOS) {
      return 0;
    }
    return Math.min(MAX_MS, BASE_MS << Math.min(f.count - 1, 10));
  }
}
