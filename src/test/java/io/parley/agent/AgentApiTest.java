package io.parley.agent;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.store.CaseKind;
import io.parley.store.CaseRecord;
import io.parley.testing.AgentClient;
import io.parley.testing.AgentSocketClient;
import io.parley.testing.ChatClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.MutableClock;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent and supervisor HTTP API over real HTTP and sockets: trade results, cases, supervisor views. */
@ExtendWith(VertxExtension.class)
class AgentApiTest {

  private final MutableClock clock = new MutableClock(Instant.now());
  private RunningServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = RunningServer.start(vertx, HandoffTesting.alwaysOpen(TestServers.memory()), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonObject until(ChatClient c, Predicate<JsonObject> p) {
    while (true) {
      JsonObject f = c.next();
      if (p.test(f)) {
        return f;
      }
    }
  }

  private static Predicate<JsonObject> system(String contains) {
    return f -> "message".equals(f.getString("type")) && "system".equals(f.getString("from"))
        && f.getString("text").contains(contains);
  }

  /** A customer in {@code locale} who asked for a person; returns the conversation id. */
  private static String handOff(ChatClient customer, String locale) {
    customer.hello(locale);
    String id = customer.next("welcome").getString("conversationId");
    customer.message("转人工", "m1");
    until(customer, f -> "handoff".equals(f.getString("type")));
    return id;
  }

  @Test
  void tradeResultAndCaseResolutionReachTheCustomerSocket() {
    try (ChatClient customer = server.chat()) {
      String id = handOff(customer, "en");
      AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
      assertEquals(200, agent.post("/api/v1/agent/conversations/" + id + "/claim", null).status());
      assertEquals(200, agent.post("/api/v1/agent/conversations/" + id + "/claim", null).status(), "again: 200");

      AgentClient.Response none = agent.post("/api/v1/agent/conversations/" + id + "/trade-result",
          new JsonObject().put("status", "executed").put("reference", "R-1"));
      assertEquals(409, none.status());
      assertEquals("no_trade_instruction", none.json().getString("error"));

      CaseRecord t = await(server.server().store().createCase(new CaseRecord.Draft(CaseKind.TRADE_INSTRUCTION, id,
          Instant.now(), null, new JsonObject().put("instrument", "600519"), "confirmed")));
      AgentClient.Response done = agent.post("/api/v1/agent/conversations/" + id + "/trade-result",
          new JsonObject().put("status", "partially_executed").put("reference", "SH-778899").put("detail", "100 of 200 shares"));
      assertEquals(200, done.status(), done.body());
      assertEquals("partially_executed", done.json().getJsonObject("case").getString("status"));
      JsonObject confirmation = until(customer, system("SH-778899"));
      assertTrue(confirmation.getString("text").contains("partially executed"), confirmation.encode());
      assertTrue(confirmation.getString("text").contains(t.id()));

      CaseRecord followUp = await(server.server().store().createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, id,
          Instant.now(), Instant.now().plusSeconds(3600), new JsonObject(), "open")));
      JsonArray open = agent.get("/api/v1/agent/cases?status=open").array();
      assertTrue(open.stream().anyMatch(o -> followUp.id().equals(((JsonObject) o).getString("id"))), open.encode());
      assertTrue(open.stream().noneMatch(o -> t.id().equals(((JsonObject) o).getString("id"))), "the T- case is closed");
      AgentClient.Response resolved = agent.post("/api/v1/agent/cases/" + followUp.id() + "/resolve",
          new JsonObject().put("resolution", "Your statement was re-sent."));
      assertEquals(200, resolved.status(), resolved.body());
      until(customer, system("Your statement was re-sent."));
      assertEquals(404, agent.post("/api/v1/agent/cases/F-999999/resolve",
          new JsonObject().put("resolution", "x")).status());

      JsonObject view = agent.get("/api/v1/agent/conversations/" + id).json();
      assertEquals("with_agent", view.getString("status"));
      assertEquals(2, view.getJsonArray("cases").size());
      assertTrue(view.getJsonArray("intents").contains("agent_request"));
      assertEquals("demo-agent", view.getJsonObject("handoff").getString("agent"));
      assertEquals(404, agent.get("/api/v1/agent/conversations/nosuchconversation").status());
    }
  }

  @Test
  void supervisorsSeeBreachesQueuesAndWhoIsOnline() {
    AgentClient supervisor = AgentClient.login(server.port(), "demo-supervisor", HandoffTesting.DEMO_PASSWORD);
    AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
    try (AgentSocketClient boss = AgentSocketClient.connect(server.port(), supervisor.token());
        AgentSocketClient console = AgentSocketClient.connect(server.port(), agent.token());
        ChatClient customer = server.chat()) {
      boss.until("hello");
      console.until("hello");
      String id = handOff(customer, "zh-Hans");
      clock.advance(Duration.ofSeconds(121));
      await(server.server().sweep().sweep());
      JsonObject breach = boss.until("breach");
      assertEquals(id, breach.getString("conversationId"));
      assertEquals("general", breach.getString("team"));

      JsonObject queues = supervisor.get("/api/v1/supervisor/queues").json().getJsonObject("teams");
      JsonObject general = queues.getJsonObject("general");
      assertEquals(1, general.getInteger("waiting"));
      assertEquals(1, general.getInteger("breaches"));
      assertTrue(general.getLong("oldestWaitSeconds") >= 121);
      assertTrue(general.getInteger("agentsOnline") >= 1, general.encode());
      assertTrue(server.metrics().scrape().contains("parley_handoff_pickup_breaches_total{team=\"general\"} 1.0"));
      // a second sweep raises nothing new
      await(server.server().sweep().sweep());
      assertTrue(server.metrics().scrape().contains("parley_handoff_pickup_breaches_total{team=\"general\"} 1.0"));
    }
  }
}
