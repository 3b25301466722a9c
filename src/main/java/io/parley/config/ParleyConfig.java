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
    Path modelCacheDir) {

  /** The same settings with another HTTP port (tests listen on port 0). */
  public ParleyConfig withPort(int port) {
    return new ParleyConfig(server.withPort(port), webchat, store, intentsDir, modelCacheDir);
  }

  public ParleyConfig withStore(StoreConfig store) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir);
  }

  public ParleyConfig withWebChat(WebChatConfig webchat) {
    return new ParleyConfig(server, webchat, store, intentsDir, modelCacheDir);
  }
}
