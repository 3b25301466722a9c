package io.parley.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.conversation.Addresses;
import io.parley.testing.AgentClient;
import io.parley.testing.Await;
import io.parley.testing.ChatClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.MutableClock;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bot's processes through to the people who finish them, over real sockets and HTTP: a
 * follow-up question becomes an F- case, its reminder fires at the promised time (a moved clock),
 * staff resolve it and the customer reads the answer; a confirmed trade instruction queues for the
 * trading desk, a dealer claims it and records the result, and the customer gets the confirmation
 * with the reference.
 */
@ExtendWith(VertxExtension.class)
class CaseLifecycleEndToEndTest {

  private static final Pattern CASE = Pattern.compile("[FT]-\\d{6}");

  @Test
  void aFollowUpIsRemindedAtItsDueTimeAndItsAnswerReachesTheCustomer(Vertx vertx) {
    // Tuesday 10:00 Beijing time: the follow-up is due 4 working hours later, at 14:00.
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    List<JsonObject> reminders = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.CASE_DUE, m -> reminders.add(m.body()));
    try (RunningServer server = RunningServer.start(vertx, HandoffTesting.alwaysOpen(TestServers.memory()), clock);
         ChatClient customer = server.chat()) {
      customer.hello("en");
      customer.next("welcome");
      customer.next("message");
      customer.message("what's the weather tomorrow", "m1");
      Frames.until(customer, Frames.message("bot"));
      customer.message("tell me a joke", "m2");
      Frames.until(customer, Frames.message("bot"));
      customer.send(new JsonObject().put("type", "postback").put("payload", "followup_request")
          .put("title", "Leave my question for a reply").put("clientMsgId", "m3"));
      JsonObject opened = Frames.until(customer, f -> "message".equals(f.getString("type"))
          && "bot".equals(f.getString("from")) && CASE.matcher(f.getString("text")).find());
      Matcher m = CASE.matcher(opened.getString("text"));
      assertTrue(m.find());
      String caseId = m.group();
      assertTrue(opened.getString("text").contains("1 Dec 14:00 Beijing time"), opened.encode());

      Await.await(server.server().sweep().sweep());
      assertTrue(reminders.isEmpty(), "not due yet: " + reminders);
      clock.advance(Duration.ofHours(4).plusMinutes(1));
      Await.await(server.server().sweep().sweep());
      long deadline = System.currentTimeMillis() + 5000;
      while (reminders.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(List.of(caseId), reminders.stream().map(r -> r.getString("caseId")).toList());

      AgentClient agent = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
      assertTrue(agent.get("/api/v1/agent/cases?status=open").body().contains(caseId));
      AgentClient.Response resolved = agent.post("/api/v1/agent/cases/" + caseId + "/resolve",
          new JsonObject().put("resolution", "Sorry, we can't forecast the weather; try the observatory's site."));
      assertEquals(200, resolved.status(), resolved.body());
      JsonObject answer = Frames.until(customer, Frames.message("system"));
      assertTrue(answer.getString("text").contains("observatory"), answer.encode());
      assertTrue(answer.getString("text").contains(caseId), answer.encode());

      customer.message("what's the progress of my request", "m4");
      JsonObject progress = Frames.until(customer, f -> "message".equals(f.getString("type"))
          && "progress_query".equals(f.getString("intent")));
      assertFalse(progress.getString("text").contains(caseId), "resolved cases are no longer open: " + progress.encode());
    }
  }

  @Test
  void aConfirmedTradeInstructionReachesTheDeskAndItsResultReachesTheCustomer(Vertx vertx) {
    try (RunningServer server = RunningServer.start(vertx, HandoffTesting.alwaysOpen(TestServers.memory()));
         ChatClient customer = server.chat()) {
      customer.hello("zh-Hans");
      String conversationId = customer.next("welcome").getString("conversationId");
      customer.next("message");
      customer.message("买入贵州茅台200股 限价1750.5", "m1");
      JsonObject readBack = Frames.until(customer, Frames.message("bot"));
      assertTrue(readBack.getString("text").contains("买入 贵州茅台(600519) 200股 限价1750.50元"), readBack.encode());
      customer.message("确认", "m2");
      JsonObject queued = Frames.until(customer, Frames.handoff("queued"));
      assertEquals("trading_desk", queued.getString("team"));

      AgentClient dealer = AgentClient.login(server.port(), "demo-agent", HandoffTesting.DEMO_PASSWORD);
      JsonObject item = dealer.get("/api/v1/agent/queue").array().getJsonObject(0);
      assertEquals(conversationId, item.getString("conversationId"));
      assertEquals("trade_instruction", item.getString("intent"));
      assertTrue(item.getString("caseId").startsWith("T-"), item.encode());
      assertEquals("买入 贵州茅台(600519) 200股 限价1750.50元", item.getString("summary"));
      assertEquals(200, dealer.post("/api/v1/agent/conversations/" + conversationId + "/claim", null).status());
      AgentClient.Response result = dealer.post("/api/v1/agent/conversations/" + conversationId + "/trade-result",
          new JsonObject().put("status", "executed").put("reference", "SH20261201-0042"));
      assertEquals(200, result.status(), result.body());
      JsonObject confirmation = Frames.until(customer, f -> Frames.message("system").test(f)
          && f.getString("text").contains("SH20261201-0042"));
      assertTrue(confirmation.getString("text").contains(item.getString("caseId"))
          || confirmation.getString("text").contains("SH20261201-0042"), confirmation.encode());
    }
  }
}
