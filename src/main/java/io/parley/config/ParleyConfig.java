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
    BotConfig bot,
    HandoffConfig handoff,
    AgentsConfig agents) {

  /** The same settings with another HTTP port (tests listen on port 0). */
  public ParleyConfig withPort(int port) {
    return new ParleyConfig(server.withPort(port), webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }

  public ParleyConfig withStore(StoreConfig store) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }

  public ParleyConfig withWebChat(WebChatConfig webchat) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }

  public ParleyConfig withServer(ServerConfig server) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }

  public ParleyConfig withIntents(Path intentsDir, Path modelCacheDir) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }

  public ParleyConfig withBot(BotConfig bot) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }

  public ParleyConfig withHandoff(HandoffConfig handoff) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }

  public ParleyConfig withAgents(AgentsConfig agents) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir, bot, handoff, agents);
  }
}
