package io.parley.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.config.ParleyConfig;
import io.parley.testing.AgentClient;
import io.parley.testing.AgentSocketClient;
import io.parley.testing.ChatClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** handoff.auto_assign: a new handoff goes to a signed-in agent of the team who speaks the language. */
@ExtendWith(VertxExtension.class)
class AutoAssignTest {

  @Test
  void aNewHandoffGoesToTheSignedInAgentAtOnce(Vertx vertx) {
    ParleyConfig base = HandoffTesting.alwaysOpen(TestServers.memory());
    RunningServer server = RunningServer.start(vertx, base.withHandoff(base.handoff().withAutoAssign(true)));
    try (ChatClient nobodyOnline = server.chat()) {
      nobodyOnline.hello("en");
      nobodyOnline.next("welcome");
      nobodyOnline.message("转人工", "m1");
      JsonObject f;
      do {
        f = nobodyOnline.next();
      } while (!"handoff".equals(f.getString("type")));
      assertEquals("queued", f.getString("status"), "no agent online: it waits");

      AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
      try (AgentSocketClient console = AgentSocketClient.connect(server.port(), agent.token());
          ChatClient customer = server.chat()) {
        console.until("hello");
        customer.hello("en");
        String id = customer.next("welcome").getString("conversationId");
        customer.message("转人工", "m1");
        JsonObject assigned;
        do {
          assigned = customer.next();
        } while (!("handoff".equals(assigned.getString("type")) && "assigned".equals(assigned.getString("status"))));
        assertEquals("Demo Agent", assigned.getString("agentName"));
        assertEquals(id, console.until("assigned").getString("conversationId"));
      }
    } finally {
      server.close();
    }
  }
}
