package io.parley.config;

import java.nio.file.Path;

/**
 * All settings, loaded once by {@link ConfigLoader} and passed in through constructors.
 *
 * @param modelCacheDir where trained intent models are cached; null: train at every start
 */
public record ParleyConfig(
    ServerConfig server,
    WebChatConfig webchat,
    StoreConfig store,
    Path intentsDir,
    Path modelCacheDir,
    HandoffConfig handoff,
    AgentsConfig agents) {

  /** Without handoff and agent settings: their shipped defaults (kept for callers that predate them). */
  public ParleyConfig(ServerConfig server, WebChatConfig webchat, StoreConfig store, Path intentsDir,
      Path modelCacheDir) {
    this(server, webchat, store, intentsDir, modelCacheDir,
        new HandoffConfig(false, Path.of("config", "teams.yaml"), Path.of("config", "holidays.yaml"),
            java.time.Duration.ofSeconds(10), false),
        new AgentsConfig(Path.of("config", "agents.yaml"), "", java.time.Duration.ofHours(8), ""));
  }

  /** The same settings with another HTTP port (tests listen on port 0). */
  public ParleyConfig withPort(int port) {
    return new ParleyConfig(server.withPort(port), webchat, store, intentsDir, modelCacheDir, handoff, agents);
  }

  public ParleyConfig withStore(StoreConfig store) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, handoff, agents);
  }

  public ParleyConfig withWebChat(WebChatConfig webchat) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, handoff, agents);
  }

  public ParleyConfig withHandoff(HandoffConfig handoff) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, handoff, agents);
  }

  public ParleyConfig withAgents(AgentsConfig agents) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, handoff, agents);
  }
}
