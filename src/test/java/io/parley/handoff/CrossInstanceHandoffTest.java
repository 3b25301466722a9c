package io.parley.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.config.ParleyConfig;
import io.parley.testing.AgentClient;
import io.parley.testing.AgentSocketClient;
import io.parley.testing.ChatClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.RunningServer;
import io.parley.testing.TestRedis;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances (two Vert.x, so two event buses) on one Redis: the customer on A, the agent on B.
 * Redis pub/sub carries the events between them.
 */
@ExtendWith(VertxExtension.class)
class CrossInstanceHandoffTest {

  private final String prefix = TestRedis.uniquePrefix();

  @AfterEach
  void deleteKeys() {
    TestRedis.deleteKeys(TestRedis.url(), prefix);
  }

  @Test
  void aCustomerOnOneInstanceTalksWithAnAgentOnAnother(Vertx vertx) throws Exception {
    ParleyConfig cfg = HandoffTesting.alwaysOpen(TestServers.redis(TestRedis.url(), prefix));
    Vertx otherVertx = Vertx.vertx();
    RunningServer a = RunningServer.start(vertx, cfg);
    RunningServer b = null;
    try {
      b = RunningServer.start(otherVertx, cfg);
      // ready means both subscriptions are in place
      try (ChatClient customer = a.chat()) {
        customer.hello("en");
        String id = customer.next("welcome").getString("conversationId");
        customer.message("转人工", "m1");
        Frames.until(customer, Frames.handoff("queued"));

        AgentClient agent = AgentClient.login(b.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
        try (AgentSocketClient console = AgentSocketClient.connect(b.port(), agent.token())) {
          console.until("hello");
          assertEquals(200, agent.post("/api/v1/agent/conversations/" + id + "/claim", null).status());
          assertEquals("Demo Agent", Frames.until(customer, Frames.handoff("assigned")).getString("agentName"));
          console.until("assigned");

          agent.post("/api/v1/agent/conversations/" + id + "/messages", new JsonObject().put("text", "Hi from B"));
          assertEquals("Hi from B", Frames.until(customer, Frames.message("agent")).getString("text"));

          customer.message("hello from A", "m2");
          JsonObject seen = console.until(f -> "message".equals(f.getString("type")) && "customer".equals(f.getString("from")));
          assertEquals("hello from A", seen.getString("text"));
          assertEquals(id, seen.getString("conversationId"));

          assertEquals(200, agent.post("/api/v1/agent/conversations/" + id + "/resolve", new JsonObject()).status());
          Frames.until(customer, Frames.handoff("ended"));
        }
      }
    } finally {
      if (b != null) {
        b.close();
      }
      a.close();
      otherVertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
