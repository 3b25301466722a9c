package io.parley.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Agent accounts and sign-in settings ({@code agents.*}).
 *
 * @param accountsFile the accounts (salted password hashes)
 * @param tokenSecret signs tokens (env {@code PARLEY_TOKEN_SECRET}); empty: a random one per start
 * @param tokenTtl how long a token is valid
 * @param demoPassword when not empty (env {@code PARLEY_DEMO_PASSWORD}), the demo accounts exist with it
 */
public record AgentsConfig(Path accountsFile, String tokenSecret, Duration tokenTtl, String demoPassword) {

  public AgentsConfig withTokenSecret(String secret) {
    return new AgentsConfig(accountsFile, secret, tokenTtl, demoPassword);
  }

  public AgentsConfig withDemoPassword(String password) {
    return new AgentsConfig(accountsFile, tokenSecret, tokenTtl, password);
  }

  @Override
  public String toString() {
    return "AgentsConfig[accountsFile=" + accountsFile + ", tokenSecret=" + (tokenSecret.isEmpty() ? "unset" : "set")
        + ", tokenTtl=" + tokenTtl + ", demoPassword=" + (demoPassword.isEmpty() ? "unset" : "set") + "]";
  }
}
