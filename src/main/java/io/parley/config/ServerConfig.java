package io.parley.config;

import java.time.Duration;
import java.util.List;

/** HTTP server settings ({@code server.*}). */
public record ServerConfig(
    String host,
    int port,
    int instances,
    List<String> allowedOrigins,
    Duration shutdownGrace) {

  public ServerConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, instances, allowedOrigins, shutdownGrace);
  }

  /** Verticle instances to deploy: the setting, or one per core when it is 0. */
  public int effectiveInstances() {
    return instances > 0 ? instances : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
