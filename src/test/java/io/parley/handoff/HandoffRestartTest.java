package io.parley.handoff;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.parley.config.ParleyConfig;
import io.parley.store.HandoffRecord;
import io.parley.testing.AgentClient;
import io.parley.testing.ChatClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.RunningServer;
import io.parley.testing.TestRedis;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server stops while a customer waits for a person; a new one on the same Redis carries on. */
@ExtendWith(VertxExtension.class)
class HandoffRestartTest {

  private final String prefix = TestRedis.uniquePrefix();

  @AfterEach
  void deleteKeys() {
    TestRedis.deleteKeys(TestRedis.url(), prefix);
  }

  @Test
  void theQueueAndThePickupDueTimeSurviveARestartAndTheAgentCanClaim(Vertx vertx) {
    ParleyConfig cfg = HandoffTesting.alwaysOpen(TestServers.redis(TestRedis.url(), prefix));
    String conversationId;
    String resumeToken;
    long lastSeq;
    HandoffRecord before;
    RunningServer first = RunningServer.start(vertx, cfg);
    try (ChatClient customer = first.chat()) {
      customer.hello("zh-Hans");
      JsonObject welcome = customer.next("welcome");
      conversationId = welcome.getString("conversationId");
      resumeToken = welcome.getString("resumeToken");
      customer.message("转人工", "m1");
      Frames.until(customer, Frames.handoff("queued"));
      lastSeq = Frames.until(customer, Frames.message("system")).getLong("seq");
      before = await(first.server().handoffs().store().handoff(conversationId));
      assertNotNull(before);
    } finally {
      first.close();
    }

    RunningServer second = RunningServer.start(vertx, cfg);
    try {
      HandoffRecord after = await(second.server().handoffs().store().handoff(conversationId));
      assertEquals(before, after);
      assertEquals(1, await(second.server().handoffs().store().overdue(before.pickupDueAt(), 10)).stream()
          .filter(r -> r.conversationId().equals(conversationId)).count(), "the pick-up due time is still stored");

      try (ChatClient customer = second.chat()) {
        customer.resume(resumeToken, lastSeq);
        assertEquals(conversationId, customer.next("welcome").getString("conversationId"));
        JsonObject state = customer.next("handoff");
        assertEquals("queued", state.getString("status"));
        assertEquals("general", state.getString("team"));
        assertEquals(1, state.getInteger("position"));

        AgentClient agent = AgentClient.login(second.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
        JsonArray queue = agent.get("/api/v1/agent/queue").array();
        assertEquals(conversationId, queue.getJsonObject(0).getString("conversationId"));
        assertEquals(200, agent.post("/api/v1/agent/conversations/" + conversationId + "/claim", null).status());
        assertEquals("Demo Agent", Frames.until(customer, Frames.handoff("assigned")).getString("agentName"));
      }
      // a customer who resumes now hears that an agent has the conversation
      try (ChatClient again = second.chat()) {
        again.resume(resumeToken, Long.MAX_VALUE / 2);
        again.next("welcome");
        JsonObject state = again.next("handoff");
        assertEquals("assigned", state.getString("status"));
        assertEquals("Demo Agent", state.getString("agentName"));
      }
    } finally {
      second.close();
    }
  }

  @Test
  void theEmbeddedStoreKeepsTheQueueInItsSnapshot(Vertx vertx, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    ParleyConfig cfg = HandoffTesting.alwaysOpen(TestServers.memory(dir.resolve("memory-store.json")));
    String conversationId;
    String resumeToken;
    RunningServer first = RunningServer.start(vertx, cfg);
    try (ChatClient customer = first.chat()) {
      customer.hello("en");
      JsonObject welcome = customer.next("welcome");
      conversationId = welcome.getString("conversationId");
      resumeToken = welcome.getString("resumeToken");
      customer.message("转人工", "m1");
      Frames.until(customer, Frames.handoff("queued"));
      Frames.until(customer, Frames.message("system"));
    } finally {
      first.close();
    }
    RunningServer second = RunningServer.start(vertx, cfg);
    try (ChatClient customer = second.chat()) {
      assertNotNull(await(second.server().handoffs().store().handoff(conversationId)));
      customer.resume(resumeToken, Long.MAX_VALUE / 2);
      customer.next("welcome");
      assertEquals("queued", customer.next("handoff").getString("status"));
      AgentClient agent = AgentClient.login(second.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
      assertEquals(200, agent.post("/api/v1/agent/conversations/" + conversationId + "/claim", null).status());
    } finally {
      second.close();
    }
  }
}
