package io.parley.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who is online: the agents with an open console socket on THIS instance (with several instances,
 * each knows its own sockets only).
 */
public final class AgentPresence {

  private final ConcurrentHashMap<String, AtomicInteger> sockets = new ConcurrentHashMap<>();

  void opened(String username) {
    sockets.computeIfAbsent(username, k -> new AtomicInteger()).incrementAndGet();
  }

  void closed(String username) {
    sockets.computeIfPresent(username, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  public Set<String> online() {
    return Set.copyOf(sockets.keySet());
  }

  public int socketCount() {
    return sockets.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
