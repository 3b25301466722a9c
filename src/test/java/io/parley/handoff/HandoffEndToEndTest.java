package io.parley.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.AgentClient;
import io.parley.testing.AgentSocketClient;
import io.parley.testing.ChatClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One run with a customer socket and an agent socket: the customer asks for a person, the agent
 * signs in, sees the queue, claims, they talk, the agent resolves, and the bot answers again.
 */
@ExtendWith(VertxExtension.class)
class HandoffEndToEndTest {

  private RunningServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = RunningServer.start(vertx, HandoffTesting.alwaysOpen(TestServers.memory()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void customerAndAgentFromRequestToResolveAndTheBotTakesOver() {
    try (ChatClient customer = server.chat()) {
      customer.hello("zh-Hans");
      String conversationId = customer.next("welcome").getString("conversationId");
      customer.next("message");

      customer.message("转人工", "m1");
      List<JsonObject> seen = new ArrayList<>();
      JsonObject queued = Frames.until(customer, Frames.handoff("queued"), seen);
      assertEquals("general", queued.getString("team"));
      assertEquals(1, queued.getInteger("position"));
      assertFalse(queued.containsKey("opensAt"), "every team is open: " + queued);
      assertTrue(seen.stream().anyMatch(f -> "agent_request".equals(f.getString("intent"))), "bot reply: " + seen);
      JsonObject notice = Frames.until(customer, Frames.message("system"));
      assertTrue(notice.getString("text").contains("1"), notice.encode());

      AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
      try (AgentSocketClient console = AgentSocketClient.connect(server.port(), agent.token())) {
        JsonObject queue = console.until(f -> "queue".equals(f.getString("type")) && "general".equals(f.getString("team")));
        assertEquals(conversationId, queue.getJsonArray("items").getJsonObject(0).getString("conversationId"));

        JsonArray waiting = agent.get("/api/v1/agent/queue").array();
        assertEquals(1, waiting.size());
        JsonObject item = waiting.getJsonObject(0);
        assertEquals(conversationId, item.getString("conversationId"));
        assertEquals("general", item.getString("team"));
        assertEquals("agent_request", item.getString("intent"));
        assertEquals("转人工", item.getString("summary"));
        assertNotNull(item.getString("waitingSince"));

        AgentClient.Response claim = agent.post("/api/v1/agent/conversations/" + conversationId + "/claim", null);
        assertEquals(200, claim.status(), claim.body());
        JsonObject assigned = Frames.until(customer, Frames.handoff("assigned"));
        assertEquals("Demo Agent", assigned.getString("agentName"));
        assertEquals("general", assigned.getString("team"));
        console.until("assigned");
        console.until(f -> "queue".equals(f.getString("type")) && "general".equals(f.getString("team"))
            && f.getJsonArray("items").isEmpty());

        customer.message("我的账户登录不了", "m2");
        JsonObject forAgent = console.until(f -> "message".equals(f.getString("type")) && "customer".equals(f.getString("from")));
        assertEquals(conversationId, forAgent.getString("conversationId"));
        assertEquals("我的账户登录不了", forAgent.getString("text"));
        customer.send(new JsonObject().put("type", "typing"));
        JsonObject typing = console.until("typing");
        assertEquals(conversationId, typing.getString("conversationId"));
        // the bot stays silent while a person has the conversation
        List<JsonObject> afterCustomer = customer.drain(Duration.ofMillis(800));
        assertTrue(afterCustomer.stream().noneMatch(Frames.message("bot")), "bot spoke: " + afterCustomer);

        console.send(new JsonObject().put("type", "typing").put("conversationId", conversationId));
        JsonObject agentTyping = Frames.until(customer, f -> "typing".equals(f.getString("type")));
        assertEquals("agent", agentTyping.getString("from"));

        AgentClient.Response sent = agent.post("/api/v1/agent/conversations/" + conversationId + "/messages",
            new JsonObject().put("text", "您好，我来帮您看看。"));
        assertEquals(200, sent.status(), sent.body());
        JsonObject fromAgent = Frames.until(customer, Frames.message("agent"));
        assertEquals("您好，我来帮您看看。", fromAgent.getString("text"));
        assertEquals("Demo Agent", fromAgent.getString("agentName"));

        AgentClient.Response resolved = agent.post("/api/v1/agent/conversations/" + conversationId + "/resolve",
            new JsonObject().put("disposition", "password reset explained"));
        assertEquals(200, resolved.status(), resolved.body());
        JsonObject ended = Frames.until(customer, Frames.handoff("ended"));
        assertEquals("general", ended.getString("team"));
        JsonObject back = Frames.until(customer, Frames.message("bot"));
        assertTrue(back.getString("text").contains("智能"), back.encode());
        console.until("released");

        customer.message("港股几点收市", "m3");
        JsonObject answer = Frames.until(customer, Frames.message("bot"));
        assertNotNull(answer.getString("intent"), answer.encode());

        JsonObject view = agent.get("/api/v1/agent/conversations/" + conversationId).json();
        assertEquals("bot", view.getString("status"));
        List<String> actions = view.getJsonArray("audit").stream().map(o -> ((JsonObject) o).getString("action")).toList();
        assertEquals(List.of("claim", "message", "resolve"), actions);
        JsonObject msg = view.getJsonArray("audit").getJsonObject(1);
        assertEquals("demo-agent", msg.getString("agent"));
        assertEquals("您好，我来帮您看看。", msg.getJsonObject("content").getString("text"));
        assertNotNull(msg.getString("at"));
      }
    }
  }
}
