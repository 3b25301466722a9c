package io.parley.testing;

import io.parley.config.ParleyConfig;

/** Settings for handoff tests: every team open, demo accounts, a fixed token secret. */
public final class HandoffTesting {

  public static final String DEMO_PASSWORD = "demo-password-for-tests";
  public static final String TOKEN_SECRET = "token-secret-for-tests-only";

  private HandoffTesting() {
  }

  public static ParleyConfig alwaysOpen(ParleyConfig base) {
    return withAgents(base.withHandoff(base.handoff().withAlwaysOpen(true)));
  }

  public static ParleyConfig withAgents(ParleyConfig base) {
    return base.withAgents(base.agents().withDemoPassword(DEMO_PASSWORD).withTokenSecret(TOKEN_SECRET));
  }
}
