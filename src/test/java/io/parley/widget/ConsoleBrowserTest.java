package io.parley.widget;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.parley.conversation.Addresses;
import io.parley.store.CaseKind;
import io.parley.store.CaseRecord;
import io.parley.testing.ChatClient;
import io.parley.testing.HandoffTesting;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent console at /console/ in a real headless Chromium against a real server: the login form,
 * a refused password, and a whole handoff (a customer on the web chat socket asks for a person, the
 * conversation appears in the live queue, the agent claims it, reads the transcript, writes, sees
 * the customer typing and writing, and resolves it); the supervisor's numbers and live alerts.
 * Screenshots go to target/screenshots/console-*.png.
 */
class ConsoleBrowserTest {

  private static Vertx vertx;
  private static Browser browser;
  private static RunningServer server;
  private static String base;

  private ConsolePage page;

  @BeforeAll
  static void startAll() {
    vertx = Vertx.vertx();
    browser = Browser.start();
    server = RunningServer.start(vertx, HandoffTesting.alwaysOpen(TestServers.memory()));
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stopAll() {
    try {
      if (browser != null) {
        browser.close();
      }
      if (server != null) {
        server.close();
      }
    } finally {
      await(vertx.close());
    }
  }

  /** Each test starts signed out, in English (the browser's language). */
  @BeforeEach
  void signedOut() {
    page = new ConsolePage(browser.driver());
    browser.driver().get(base + "/health/live");
    page.js("sessionStorage.clear(); localStorage.clear();");
  }

  @Test
  void theLoginFormIsServedAndABadPasswordIsRefusedClearly() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/console/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("<form id=\"login\""), "the login form is in the page itself");

    page.open(base);
    assertTrue(page.shown("#login") && !page.shown("#app"), "signed out: only the login form");
    assertEquals("Sign in", page.text("#login-submit"));
    assertEquals(page.find("#username"), browser.driver().switchTo().activeElement(), "the username has the focus");
    browser.screenshot("console-01-login");

    new Select(page.find("#locale")).selectByValue("zh-Hant");
    page.waitFor("the labels in Traditional Chinese", () -> "登入".equals(page.text("#login-submit")));
    assertEquals("zh-Hant", page.js("return document.documentElement.lang"));
    new Select(page.find("#locale")).selectByValue("en");

    page.submitLogin("demo-agent", "not-the-password");
    page.waitFor("the refusal", () -> page.text("#login-error").contains("Wrong username or password"));
    assertFalse(page.shown("#app"));
    assertEquals("password", page.js("return document.activeElement.id"), "the focus goes back to the password");
    browser.screenshot("console-02-bad-password");
    List<Map<String, Object>> low = page.lowContrast(4.5, 5);
    assertTrue(low.isEmpty(), "below 4.5:1 on the login page " + low);

    // the server answers the next refusal only after a delay: the form says it is signing in
    page.js("window.statuses = []; new MutationObserver(() => window.statuses.push("
        + "document.getElementById('login-status').textContent)).observe(document.getElementById('login-status'),"
        + " {childList: true, characterData: true, subtree: true});");
    long started = System.nanoTime();
    page.submitLogin("demo-agent", "still-not-the-password");
    page.waitFor("the second refusal", () -> Boolean.TRUE.equals(page.js(
        "return window.statuses.length >= 2 && document.getElementById('login-status').textContent === ''")));
    assertTrue(System.nanoTime() - started >= 250_000_000L, "the throttle slowed the second refusal down");
    assertEquals("Signing in…", ((List<?>) page.js("return window.statuses")).get(0));
    assertTrue(page.text("#login-error").contains("Wrong username or password"));
  }

  @Test
  void anAgentTakesAHandoffFromTheLiveQueueToTheEnd() {
    page.open(base);
    page.signIn("demo-agent", HandoffTesting.DEMO_PASSWORD);
    assertTrue(page.text("#whoami").contains("Demo Agent"), page.text("#whoami"));

    try (ChatClient customer = ChatClient.connect(server.port())) {
      customer.hello("zh-Hans");
      String id = customer.next("welcome").getString("conversationId");
      customer.message("转人工", "m1");
      frame(customer, f -> "handoff".equals(f.getString("type")) && "queued".equals(f.getString("status")));

      String row = ".queue-item[data-conversation-id='" + id + "']";
      page.waitFor("the conversation in the live queue", () -> page.shown(row));
      assertTrue(page.text(row).contains("General"), page.text(row));
      browser.screenshot("console-03-queue");

      page.find(row + " button.claim").sendKeys(Keys.ENTER); // keyboard only
      page.waitFor("the conversation view", () -> page.text("#conv-title").contains(id));
      frame(customer, f -> "handoff".equals(f.getString("type")) && "assigned".equals(f.getString("status")));
      page.waitFor("the customer's request in the transcript", () -> page.transcriptHas("customer", "转人工"));
      List<Map<String, Object>> shown = page.transcript();
      for (int i = 0; i < shown.size(); i++) {
        assertEquals(i + 1L, ((Number) shown.get(i).get("seq")).longValue(), "every entry once, in order: " + shown);
      }
      assertTrue(shown.stream().anyMatch(m -> "bot".equals(m.get("from"))), "the bot's greeting: " + shown);
      page.waitFor("the queue without it", () -> !page.shown(row));

      WebElement composer = page.find("#composer-input");
      composer.sendKeys("您好，");
      frame(customer, f -> "typing".equals(f.getString("type")) && "agent".equals(f.getString("from")));
      composer.sendKeys("我是客服，请问有什么可以帮您？");
      composer.sendKeys(Keys.ENTER);
      JsonObject said = frame(customer, f -> "message".equals(f.getString("type")) && "agent".equals(f.getString("from")));
      assertEquals("您好，我是客服，请问有什么可以帮您？", said.getString("text"));
      assertEquals("Demo Agent", said.getString("agentName"));
      page.waitFor("the agent's message in the transcript", () -> page.transcriptHas("agent", "您好，我是客服，请问有什么可以帮您？"));

      customer.send(new JsonObject().put("type", "typing"));
      page.waitFor("the customer typing", () -> page.shown(".typing"));
      String hostile = "<img src=x onerror=\"document.title='owned'\"> 我的委托还没成交";
      customer.message(hostile, "m2");
      page.waitFor("the customer's next message, live", () -> page.transcriptHas("customer", hostile));
      assertEquals(0L, page.js("return document.querySelectorAll('.transcript img').length"), "text, never HTML");
      assertFalse(page.shown(".typing"), "the message ends the typing line");
      browser.screenshot("console-04-conversation");
      List<Map<String, Object>> low = page.lowContrast(4.5, 20);
      assertTrue(low.isEmpty(), "below 4.5:1 " + low);

      new Select(page.find("#resolve-disposition")).selectByValue("answered");
      page.find("form.resolve button[type=submit]").click();
      frame(customer, f -> "handoff".equals(f.getString("type")) && "ended".equals(f.getString("status")));
      page.waitFor("the ended notice", () -> page.shown(".notice.ended"));
      assertFalse(page.shown("#composer-input"), "no composer once it has ended");
      page.waitFor("my conversations without it", () -> !page.shown("#mine li[data-conversation-id='" + id + "']"));
      browser.screenshot("console-05-resolved");
    }
    page.find("#signout").click();
    page.waitFor("the login form again", () -> page.shown("#login"));
    assertEquals(null, page.js("return sessionStorage.getItem('parley-console:session')"), "the token is gone");
  }

  @Test
  void aTradeResultAndAnOpenCaseAreRecordedFromTheConsole() {
    page.open(base);
    page.signIn("demo-agent", HandoffTesting.DEMO_PASSWORD);
    try (ChatClient customer = ChatClient.connect(server.port()); ChatClient earlier = ChatClient.connect(server.port())) {
      earlier.hello("en");
      String earlierId = earlier.next("welcome").getString("conversationId");
      earlier.message("I want to talk to a person", "e1");
      frame(earlier, f -> "handoff".equals(f.getString("type")));
      customer.hello("zh-Hans");
      String id = customer.next("welcome").getString("conversationId");
      customer.message("买入贵州茅台200股 限价1750.5", "m1");
      frame(customer, f -> "message".equals(f.getString("type")) && "bot".equals(f.getString("from")));
      customer.message("确认", "m2");
      frame(customer, f -> "handoff".equals(f.getString("type")) && "queued".equals(f.getString("status")));

      String row = ".queue-item[data-conversation-id='" + id + "']";
      page.waitFor("the trade instruction in the queue", () -> page.shown(row));
      assertTrue(page.text(row).contains("Trading desk") && page.text(row).contains("T-"), page.text(row));
      page.waitFor("both in the queue", () -> page.findAll(".queue-item").size() >= 2);
      List<String> order = page.findAll(".queue-item").stream().map(e -> e.getAttribute("data-conversation-id")).toList();
      assertTrue(order.indexOf(id) < order.indexOf(earlierId), "the trade instruction (30) before the earlier request (10): " + order);
      page.find(row + " button.claim").click();
      page.waitFor("the trade result form", () -> page.shown("form.trade"));
      assertTrue(page.text(".conv-side").contains("trade_instruction"), "the recognised intent: " + page.text(".conv-side"));

      new Select(page.find("#trade-status")).selectByValue("partially_executed");
      page.find("#trade-ref").sendKeys("SH20261201-0042");
      page.find("#trade-detail").sendKeys("100 of 200 shares");
      browser.screenshot("console-08-trade-result");
      page.find("form.trade button[type=submit]").click();
      JsonObject confirmation = frame(customer, f -> "message".equals(f.getString("type"))
          && "system".equals(f.getString("from")) && f.getString("text").contains("SH20261201-0042"));
      assertTrue(confirmation.getString("text").contains("T-"), confirmation.encode());
      page.waitFor("the case's new status", () -> !page.shown("form.trade")
          && page.text(".conv-side .case").contains("partially_executed"));
      assertTrue(page.text(".notice").contains("Recorded"), page.text(".notice"));

      CaseRecord followUp = await(server.server().store().createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, id,
          Instant.now(), Instant.now().plusSeconds(3600), new JsonObject().put("question", "月结单"), "open")));
      browser.driver().navigate().refresh(); // the session survives a reload; the list is fetched again
      page.waitFor("the console after the reload", () -> page.shown("#app"));
      page.waitFor("my conversation, remembered", () -> page.shown("#mine li[data-conversation-id='" + id + "']"));
      page.waitFor("the open conversation, reopened", () -> page.text("#conv-title").contains(id));
      String caseRow = "#cases li[data-case-id='" + followUp.id() + "']";
      page.waitFor("the open case", () -> page.shown(caseRow));
      page.find("#res-" + followUp.id()).sendKeys("月结单已重新发送");
      page.find(caseRow + " button[type=submit]").click();
      frame(customer, f -> "message".equals(f.getString("type")) && "system".equals(f.getString("from"))
          && f.getString("text").contains("月结单已重新发送"));
      page.waitFor("the case gone from the list", () -> !page.shown(caseRow));
      assertTrue(page.text("#cases-status").contains(followUp.id() + " resolved"), page.text("#cases-status"));
      browser.screenshot("console-09-case-resolved");
    }
  }

  @Test
  void aTokenTheServerNoLongerAcceptsReturnsToTheLoginForm() {
    browser.driver().get(base + "/console/nothing-here"); // same origin, without the console running
    page.js("sessionStorage.setItem('parley-console:session', JSON.stringify({token: 'forged.token', username: 'demo-agent',"
        + " displayName: 'Demo Agent', role: 'agent', teams: ['general']}))");
    page.open(base);
    page.waitFor("the login form with the reason", () -> page.shown("#login")
        && page.text("#login-error").contains("session has expired"));
    assertFalse(page.shown("#app"));
    assertEquals(null, page.js("return sessionStorage.getItem('parley-console:session')"));
  }

  @Test
  void aSupervisorSeesTheQueueNumbersAndLiveBreachAlerts() {
    page.open(base);
    page.signIn("demo-supervisor", HandoffTesting.DEMO_PASSWORD);
    page.waitFor("the per-team numbers", () -> page.findAll("#stats tbody tr").size() == 4);
    assertTrue(page.text("#stats tbody tr[data-team='trading_desk']").contains("Trading desk"));
    Instant since = Instant.now().minusSeconds(95);
    vertx.eventBus().publish(Addresses.SUPERVISOR_ALERTS, new JsonObject().put("type", "breach")
        .put("conversationId", "conv-late-1").put("team", "complaints").put("priority", 20).put("intent", "complaint")
        .put("waitingSince", since.toString()).put("pickupDueAt", since.plusSeconds(60).toString()).put("waitedSeconds", 95));
    page.waitFor("the breach alert", () -> page.text("#alerts").contains("conv-late-1"));
    assertTrue(page.text("#alerts .breach").contains("Complaints"), page.text("#alerts"));
    browser.screenshot("console-06-supervisor");
    List<Map<String, Object>> low = page.lowContrast(4.5, 20);
    assertTrue(low.isEmpty(), "below 4.5:1 in the supervisor view " + low);

    new Select(page.find("#locale")).selectByValue("zh-Hans");
    page.waitFor("the view in Simplified Chinese", () -> "主管视图".equals(page.text("#sup-title")));
    assertTrue(page.text("#alerts .breach").contains("投诉处理组"), "alerts follow the language: " + page.text("#alerts"));
    assertTrue(page.text("#stats").contains("交易部"), page.text("#stats"));
    browser.screenshot("console-07-supervisor-zh-Hans");
  }

  /** The first frame matching {@code match}, skipping others (each within ChatClient.WAIT). */
  private static JsonObject frame(ChatClient c, Predicate<JsonObject> match) {
    for (int i = 0; i < 50; i++) {
      JsonObject f = c.next();
      if (match.test(f)) {
        return f;
      }
    }
    fail("no matching frame among 50");
    return null;
  }
}
