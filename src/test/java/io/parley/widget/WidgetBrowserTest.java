package io.parley.widget;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.channel.webchat.IdentityHash;
import io.parley.config.ParleyConfig;
import io.parley.config.ServerConfig;
import io.parley.conversation.Addresses;
import io.parley.conversation.Author;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationEvents;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.TranscriptEntry;
import io.parley.testing.RunningServer;
import io.parley.testing.TestRedis;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The website widget in a real headless Chromium against a real server (issue 7): the demo page,
 * conversation, quick replies, text-only rendering, reload, network loss, server restart, keyboard
 * use, locales, signed identities and the handoff display. Screenshots go to target/screenshots/.
 */
class WidgetBrowserTest {

  static final String SECRET = "widget-test-identity-secret";

  private static Vertx vertx;
  private static Browser browser;
  private static RunningServer server;
  private static String base;

  private ChromeDriver driver;
  private WidgetPage page;

  @BeforeAll
  static void startAll() {
    vertx = Vertx.vertx();
    browser = Browser.start();
    ParleyConfig cfg = TestServers.memory();
    server = RunningServer.start(vertx, cfg.withWebChat(cfg.webchat().withIdentitySecret(SECRET)));
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

  /** Each test starts a conversation of its own: nothing stored from the previous one. */
  @BeforeEach
  void freshStorage() {
    driver = browser.driver();
    page = new WidgetPage(driver);
    driver.get(base + "/health/live");
    page.js("localStorage.clear(); sessionStorage.clear();");
  }

  private List<TranscriptEntry> transcript(RunningServer s, String conversationId) {
    return await(s.server().store().entries(conversationId, 0, 1000));
  }

  private Conversation conversation(String id) {
    return await(server.server().store().load(id));
  }

  /** Seqs 1..n, each once, in order: nothing lost, nothing doubled. */
  private static void assertContiguous(List<Long> seqs, long n) {
    assertEquals(LongStream.rangeClosed(1, n).boxed().toList(), seqs, "every entry shown once, in order");
  }

  @Test
  void greetingQuickRepliesAndAClickOnOne() {
    page.open(base + "/?locale=en");
    assertFalse(page.panelOpen(), "the widget starts closed");
    page.waitFor("the unread badge", () -> page.shadow(".badge").isDisplayed());
    assertEquals("1", page.shadow(".badge").getText(), "the greeting is unread");
    // the page's hostile CSS (button, .launcher { background: lime; display: none }) cannot reach in
    String bg = (String) page.js("return getComputedStyle(arguments[0]).backgroundColor", page.shadow(".launcher"));
    assertNotEquals("rgb(0, 255, 0)", bg);
    browser.screenshot("01-demo-closed-unread");

    page.openPanel();
    assertFalse(page.shadow(".badge").isDisplayed(), "opening reads the messages");
    page.waitForCount("bot", 1);
    Map<String, Object> greeting = page.messages().get(0);
    assertEquals(1L, ((Number) greeting.get("seq")).longValue());
    @SuppressWarnings("unchecked")
    List<String> buttons = (List<String>) greeting.get("quickReplies");
    assertFalse(buttons.isEmpty(), "the greeting offers quick replies: " + greeting);
    browser.screenshot("02-greeting-quick-replies");

    String title = buttons.get(0);
    page.shadowAll(".qr button").get(0).click();
    page.waitForCount("customer", 1);
    page.waitFor("a bot reply after the quick reply", () -> page.messages().size() >= 3
        && "bot".equals(page.messages().get(page.messages().size() - 1).get("from")));
    Map<String, Object> echo = page.messages().get(1);
    assertEquals("customer", echo.get("from"));
    assertEquals(title, echo.get("text"), "the postback shows as the button's title");

    int before = page.messages().size();
    page.type("hello");
    page.waitFor("the echo and a reply to hello", () -> page.messages().size() >= before + 2
        && "bot".equals(page.messages().get(page.messages().size() - 1).get("from")));
    assertEquals("hello", page.messages().get(before).get("text"));
    assertEquals(0, page.pendingCount(), "the pending bubble gave way to the stored message");
    assertTrue(page.shadowAll(".msg[data-seq] time").size() >= page.messages().size(), "every message has a time");
    assertContiguous(page.seqs(), page.messages().size());
    browser.screenshot("03-conversation-en");
  }

  @Test
  void markupInMessagesIsShownAsTextAndOnlyHttpLinksBecomeLinks() {
    page.open(base + "/?locale=en");
    page.openPanel();
    page.waitForCount("bot", 1);
    String payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script><b>bold</b>";
    page.type(payload);
    page.waitForCount("customer", 1);
    Map<String, Object> mine = page.messages().stream().filter(m -> "customer".equals(m.get("from"))).findFirst().get();
    assertEquals(payload, mine.get("text"));
    // the bot (or an agent) can send links: only http(s) ones become links, markup stays text
    String id = page.conversationId();
    await(server.server().conversations().post(id, List.of(new OutboundMessage(Author.AGENT,
        "Fees: https://example.com/fees. Not a link: javascript:alert(1) <img src=x onerror=\"window.__xss=3\">",
        null, null, "Mei Chan"))));
    page.waitForCount("agent", 1);
    assertEquals(0L, page.js("return document.querySelector('parley-chat').shadowRoot.querySelectorAll('img, script, b').length"));
    assertNull(page.js("return window.__xss === undefined ? null : window.__xss"), "nothing in a message ran");
    List<WebElement> links = page.shadowAll(".msg a");
    assertEquals(1, links.size(), "one link");
    assertEquals("https://example.com/fees", links.get(0).getAttribute("href"));
    assertEquals("noopener noreferrer", links.get(0).getAttribute("rel"));
    assertEquals("_blank", links.get(0).getAttribute("target"));
    Map<String, Object> agent = page.messages().stream().filter(m -> "agent".equals(m.get("from"))).findFirst().get();
    assertEquals("Mei Chan", agent.get("who"), "an agent's message carries the agent's name");
    browser.screenshot("04-markup-as-text-and-link");
  }

  @Test
  void aReloadKeepsTheConversation() {
    page.open(base + "/?locale=en");
    page.openPanel();
    page.type("what are your fees");
    page.waitFor("a reply", () -> page.count("bot") >= 2);
    String id = page.conversationId();
    List<Map<String, Object>> before = page.messages();

    driver.navigate().refresh();
    page.open(base + "/?locale=en");
    assertEquals(id, page.conversationId(), "the same conversation continues");
    assertTrue(page.panelOpen(), "the panel stays open across the reload");
    page.waitFor("the transcript to be rebuilt", () -> page.messages().size() >= before.size());
    assertEquals(before, page.messages(), "the same messages, once each");
    assertEquals(transcript(server, id).size(), page.messages().size());
    assertFalse(page.shadow(".badge").isDisplayed(), "nothing unread after a reload");
  }

  @Test
  void aSecondTabShowsTheSameConversationLive() {
    page.open(base + "/?locale=en");
    page.openPanel();
    page.waitForCount("bot", 1);
    String first = driver.getWindowHandle();
    String id = page.conversationId();
    driver.switchTo().newWindow(WindowType.TAB);
    try {
      page.open(base + "/?locale=en");
      assertEquals(id, page.conversationId(), "one conversation per site and customer, whatever the tab");
      page.openPanel();
      String second = driver.getWindowHandle();
      driver.switchTo().window(first);
      page.type("typed in the first tab");
      page.waitFor("the reply in the first tab", () -> page.count("bot") >= 2);
      int shown = page.messages().size();
      driver.switchTo().window(second);
      page.waitFor("the same messages in the second tab", () -> page.messages().size() >= shown);
      assertTrue(page.messages().stream().anyMatch(m -> "typed in the first tab".equals(m.get("text"))));
      assertContiguous(page.seqs(), shown);
      driver.close();
    } finally {
      driver.switchTo().window(first);
    }
  }

  @Test
  void aPageOnAnotherSiteEmbedsTheWidgetWithOneTag() {
    int hostPort;
    try (ServerSocket s = new ServerSocket(0)) {
      hostPort = s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String site = "http://localhost:" + hostPort;
    ParleyConfig base = TestServers.memory();
    ParleyConfig cfg = new ParleyConfig(new ServerConfig(base.server().host(), 0, 1, List.of(site),
        base.server().shutdownGrace()), base.webchat(), base.store(), base.intentsDir(), base.modelCacheDir(), base.bot());
    try (RunningServer parley = RunningServer.start(vertx, cfg)) {
      String parleyOrigin = "http://127.0.0.1:" + parley.port();
      String html = "<!doctype html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>Broker</title>"
          + "<script type=\"module\" src=\"" + parleyOrigin + "/widget/parley.js\" data-locale=\"zh-Hans\""
          + " data-position=\"left\" data-color=\"#ffd400\" data-title=\"某某证券客服\"></script></head>"
          + "<body><h1>某某证券</h1></body></html>";
      // the brokerage's own page, with a strict policy of its own naming only Parley's host
      String csp = "default-src 'self'; script-src " + parleyOrigin + "; connect-src ws://127.0.0.1:" + parley.port()
          + "; style-src 'self'";
      HttpServer brokerSite = await(vertx.createHttpServer().requestHandler(req -> req.response()
          .putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Content-Security-Policy", csp).end(html))
          .listen(hostPort, "127.0.0.1"));
      try {
        page.open(site + "/");
        page.openPanel();
        page.waitForCount("bot", 1);
        assertEquals("某某证券客服", page.shadow("h2").getText());
        assertEquals("left", page.js("return document.querySelector('parley-chat').dataset.position"));
        // a light accent gets dark text on it
        assertEquals("rgb(0, 0, 0)", page.js("return getComputedStyle(arguments[0]).color", page.shadow(".launcher")));
        assertEquals("rgb(255, 212, 0)", page.js("return getComputedStyle(arguments[0]).backgroundColor",
            page.shadow(".launcher")));
        page.type("你好");
        page.waitFor("a reply", () -> page.count("bot") >= 2);
        browser.screenshot("11-embedded-on-another-site-left-zh-hans");
      } finally {
        await(brokerSite.close());
      }
    }
  }

  @Test
  void aNetworkLossReconnectsResumesAndSendsWhatWasTypedOffline() {
    try (TcpProxy proxy = TcpProxy.start(vertx, server.port())) {
      String via = "http://127.0.0.1:" + proxy.port();
      page.open(via + "/?locale=en");
      page.openPanel();
      page.type("hello");
      page.waitFor("a reply", () -> page.count("bot") >= 2);
      String id = page.conversationId();

      proxy.block(true);
      proxy.drop();
      page.waitFor("the reconnecting notice", () -> !page.status().isEmpty());
      // while the customer is cut off: an agent message arrives on the server, the customer types one
      await(server.server().conversations().post(id, List.of(new OutboundMessage(Author.SYSTEM,
          "Notice sent while you were offline", null, null, null))));
      page.type("typed while offline");
      assertEquals(1, page.pendingCount());
      browser.screenshot("05-reconnecting-with-queued-message");

      proxy.block(false);
      page.waitFor("the queued message to be stored", () -> page.messages().stream()
          .anyMatch(m -> "typed while offline".equals(m.get("text"))));
      page.waitFor("the status to clear", () -> page.status().isEmpty());
      List<TranscriptEntry> stored = transcript(server, id);
      assertEquals(1, stored.stream().filter(e -> e.text().equals("typed while offline")).count(),
          "sent once, though resent after the reconnection");
      page.waitFor("every stored entry", () -> page.messages().size() >= transcript(server, id).size());
      assertContiguous(page.seqs(), transcript(server, id).size());
      assertTrue(page.messages().stream().anyMatch(m -> "Notice sent while you were offline".equals(m.get("text"))),
          "the entry posted during the loss arrived on resume");
      assertEquals(0, page.pendingCount());
    }
  }

  @Test
  void aServerRestartIsSurvivedWithNothingLostOrDoubled(@TempDir Path dir) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ParleyConfig cfg = TestServers.memory(dir.resolve("snapshot.json")).withPort(port);
    RunningServer first = RunningServer.start(vertx, cfg);
    String id;
    try {
      page.open("http://127.0.0.1:" + port + "/?locale=en");
      page.openPanel();
      page.type("hello");
      page.waitFor("a reply", () -> page.count("bot") >= 2);
      id = page.conversationId();
    } finally {
      first.close();
    }
    assertTrue(Files.exists(dir.resolve("snapshot.json")), "the embedded store wrote its snapshot");
    page.waitFor("the reconnecting notice", () -> !page.status().isEmpty());
    RunningServer second = RunningServer.start(vertx, cfg);
    try {
      page.waitFor("the widget to reconnect", () -> page.status().isEmpty());
      assertEquals(id, page.conversationId(), "the same conversation after the restart");
      int before = page.messages().size();
      page.type("after the restart");
      page.waitFor("the echo and a reply", () -> page.messages().size() >= before + 2);
      page.waitFor("every stored entry", () -> page.messages().size() >= transcript(second, id).size());
      assertContiguous(page.seqs(), transcript(second, id).size());
    } finally {
      second.close();
    }
  }

  @Test
  void aMessageTheStoreCouldNotTakeIsRetriedUntilStored() throws Exception {
    URI redis = URI.create(TestRedis.url());
    String prefix = TestRedis.uniquePrefix();
    try (TcpProxy redisLink = TcpProxy.start(vertx, redis.getHost(), redis.getPort())) {
      String viaLink = new URI(redis.getScheme(), redis.getUserInfo(), "127.0.0.1", redisLink.port(), redis.getPath(),
          null, null).toString();
      try (RunningServer s = RunningServer.start(vertx, TestServers.redis(viaLink, prefix))) {
        page.open("http://127.0.0.1:" + s.port() + "/?locale=en");
        page.openPanel();
        page.waitForCount("bot", 1);
        String id = page.conversationId();
        redisLink.block(true);
        redisLink.drop();
        page.type("sent while the store is down");
        page.waitFor("a store_unavailable answer", () -> errors(s, "store_unavailable") >= 1);
        assertEquals(1, page.pendingCount(), "still waiting, not failed");
        redisLink.block(false);
        page.waitFor("the retried message to be stored", () -> page.messages().stream()
            .anyMatch(m -> "sent while the store is down".equals(m.get("text"))));
        assertEquals(1, transcript(s, id).stream().filter(e -> e.text().equals("sent while the store is down")).count());
        page.waitFor("every stored entry", () -> page.messages().size() >= transcript(s, id).size());
        assertContiguous(page.seqs(), transcript(s, id).size());
        assertEquals(0, page.pendingCount());
      } finally {
        TestRedis.deleteKeys(TestRedis.url(), prefix);
      }
    }
  }

  @Test
  void reconnectionDelaysGrowWithJitterUpToTenSeconds() {
    driver.get(base + "/");
    @SuppressWarnings("unchecked")
    List<List<Number>> delays = (List<List<Number>>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import('/widget/src/connection.js').then(m => done([0, 1, 2, 3, 4, 5, 8, 20].map("
            + "n => Array.from({length: 50}, () => m.backoff(n)))))");
    long[] caps = {500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000};
    for (int n = 0; n < caps.length; n++) {
      List<Long> d = delays.get(n).stream().map(Number::longValue).toList();
      long cap = caps[n];
      assertTrue(d.stream().allMatch(x -> x >= cap / 2 && x <= cap), "attempt " + n + ": " + d);
      assertTrue(new HashSet<>(d).size() > 1, "jitter: " + d);
    }
  }

  private static double errors(RunningServer s, String code) {
    var c = s.metrics().registry().find("parley_errors").tag("code", code).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void everythingWorksFromTheKeyboard() {
    page.open(base + "/?locale=en");
    // Tab from the page to the launcher
    Actions keys = new Actions(driver);
    for (int i = 0; i < 20 && !"launcher".equals(focused()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertEquals("launcher", focused(), "the launcher is reachable with Tab");
    keys.sendKeys(Keys.ENTER).perform();
    page.waitFor("the panel to open", page::panelOpen);
    assertEquals("textarea", focused(), "the input has the focus once the panel opens");
    page.waitForCount("bot", 1);
    // Shift+Tab from the input reaches the greeting's last quick reply
    keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertEquals("qr-button", focused());
    String outline = (String) page.js("const r = document.querySelector('parley-chat').shadowRoot;"
        + "return getComputedStyle(r.activeElement).outlineStyle");
    assertEquals("solid", outline, "visible focus");
    browser.screenshot("06-keyboard-focus-on-quick-reply");
    keys.sendKeys(Keys.ENTER).perform();
    page.waitForCount("customer", 1);
    // back to the input, type and send with Enter
    page.shadow("textarea").click();
    keys.sendKeys("hello").sendKeys(Keys.ENTER).perform();
    page.waitForCount("customer", 2);
    // Esc closes and gives the focus back to the launcher
    keys.sendKeys(Keys.ESCAPE).perform();
    page.waitFor("the panel to close", () -> !page.panelOpen());
    assertEquals("launcher", focused());
    assertEquals("false", page.shadow(".launcher").getAttribute("aria-expanded"));
    assertEquals("log", page.shadow(".log").getAttribute("role"));
    assertEquals("polite", page.shadow(".log").getAttribute("aria-live"));
    assertEquals("dialog", page.shadow(".panel").getAttribute("role"));
    // reduced motion: the panel opens without its animation
    assertNotEquals("none", page.js("return getComputedStyle(arguments[0]).animationName", page.shadow(".panel")));
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    try {
      keys.sendKeys(Keys.ENTER).perform();
      page.waitFor("the panel to open again", page::panelOpen);
      assertEquals("none", page.js("return getComputedStyle(arguments[0]).animationName", page.shadow(".panel")));
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }
  }

  /** What has the focus: the launcher, the textarea, a quick reply, or the tag name. */
  private String focused() {
    return (String) page.js("const h = document.querySelector('parley-chat');"
        + "if (document.activeElement !== h) return 'page:' + document.activeElement.tagName;"
        + "const a = h.shadowRoot.activeElement; if (!a) return 'none';"
        + "if (a.classList.contains('launcher')) return 'launcher';"
        + "if (a.closest('.qr')) return 'qr-button'; return a.tagName.toLowerCase();");
  }

  @Test
  void theInterfaceFollowsTheLocale() {
    Map<String, String[]> expected = Map.of(
        "zh-Hans", new String[] {"在线客服", "请输入您的问题…", "发送"},
        "zh-Hant", new String[] {"線上客服", "請輸入您的問題…", "傳送"},
        "en", new String[] {"Customer service", "Type your question…", "Send"});
    for (String locale : List.of("zh-Hans", "en", "zh-Hant")) {
      page.js("localStorage.clear(); sessionStorage.clear();");
      page.open(base + "/?locale=" + locale);
      page.openPanel();
      page.waitForCount("bot", 1);
      String[] want = expected.get(locale);
      assertEquals(want[0], page.shadow("h2").getText(), locale);
      assertEquals(want[1], page.shadow("textarea").getAttribute("placeholder"), locale);
      assertEquals(want[2], page.shadow(".send").getText(), locale);
      assertEquals(locale, page.js("return document.querySelector('parley-chat').lang"));
      assertEquals(locale, conversation(page.conversationId()).locale(), "the conversation's locale too");
    }
    page.type("港股幾點收市");
    page.waitFor("a reply", () -> page.count("bot") >= 2);
    browser.screenshot("07-zh-hant-conversation");
    // the browser's languages when the page names none
    for (Map.Entry<String, String> e : Map.of("zh-TW", "zh-Hant", "zh-HK", "zh-Hant", "zh-Hant-MO", "zh-Hant",
        "zh-CN", "zh-Hans", "zh", "zh-Hans", "en-GB", "en", "fr-FR", "en").entrySet()) {
      assertEquals(e.getValue(), ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "import('/widget/src/i18n.js').then(m => done(m.pickLocale(undefined, [arguments[0]])))", e.getKey()), e.getKey());
    }
    // no data-locale: the browser's language (en-US here); the conversation follows the customer's script
    page.js("localStorage.clear(); sessionStorage.clear();");
    page.open(base + "/");
    page.openPanel();
    assertEquals("Customer service", page.shadow("h2").getText());
    assertEquals(Conversation.AUTO_LOCALE, conversation(page.conversationId()).locale());
  }

  @Test
  void aSignedIdentityMakesTheConversationVerifiedAndABadHashDoesNot() {
    String hash = IdentityHash.sign(SECRET, "C-100200");
    page.open(base + "/?locale=en&customerId=C-100200&hash=" + hash + "&name=" + enc("陳大文"));
    Conversation verified = conversation(page.conversationId());
    assertTrue(verified.verified());
    assertEquals("C-100200", verified.customerRef());
    String verifiedId = page.conversationId();

    page.js("sessionStorage.clear();");
    page.open(base + "/?locale=en&customerId=C-100300&hash=" + IdentityHash.sign("not-the-secret", "C-100300"));
    Conversation anonymous = conversation(page.conversationId());
    assertFalse(anonymous.verified(), "a bad hash leaves the conversation anonymous");
    assertNull(anonymous.customerRef());
    assertNotEquals(verifiedId, page.conversationId());

    // another signed-in customer on the same browser never sees the first one's conversation, nor
    // does the same browser signed out
    page.open(base + "/?locale=en&customerId=C-999&hash=" + IdentityHash.sign(SECRET, "C-999"));
    assertNotEquals(verifiedId, page.conversationId());
    assertEquals("C-999", conversation(page.conversationId()).customerRef());
    page.open(base + "/?locale=en");
    assertNotEquals(verifiedId, page.conversationId());
    assertNull(conversation(page.conversationId()).customerRef());
    // and signed in again, the first customer continues where they were
    page.open(base + "/?locale=en&customerId=C-100200&hash=" + hash);
    assertEquals(verifiedId, page.conversationId());
  }

  @Test
  void theHandoffStateIsShown() {
    page.open(base + "/?locale=en");
    page.openPanel();
    page.waitForCount("bot", 1);
    String id = page.conversationId();

    handoff(id, new JsonObject().put("status", "queued").put("team", "trading_desk").put("position", 2));
    page.waitFor("the queue position", () -> page.status().contains("position 2"));
    assertTrue(page.status().contains("trading desk"), page.status());
    browser.screenshot("08-handoff-queued");

    String opensAt = Instant.now().plus(14, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
    handoff(id, new JsonObject().put("status", "queued").put("team", "general").put("position", 1).put("opensAt", opensAt));
    page.waitFor("the opening time", () -> page.status().contains("opens at"));

    handoff(id, new JsonObject().put("status", "assigned").put("team", "general").put("agentName", "Mei Chan"));
    page.waitFor("the agent's name", () -> page.status().contains("Mei Chan"));
    vertx.eventBus().publish(Addresses.conversation(id),
        ConversationEvents.frame(new JsonObject().put("type", "typing").put("from", "agent")));
    page.waitFor("the agent typing", () -> page.shadow(".typing").isDisplayed()
        && page.shadow(".typing").getText().contains("Mei Chan"));
    await(server.server().conversations().post(id, List.of(new OutboundMessage(Author.AGENT,
        "Hello, this is Mei. How can I help?", null, null, "Mei Chan"))));
    page.waitForCount("agent", 1);
    assertFalse(page.shadow(".typing").isDisplayed(), "the agent's message ends the typing indicator");
    browser.screenshot("09-handoff-agent-assigned");

    handoff(id, new JsonObject().put("status", "ended").put("team", "general"));
    page.waitFor("the assistant to be back", () -> page.status().contains("assistant is back"));
    browser.screenshot("10-handoff-ended");
    List<Long> seqs = page.seqs();
    assertEquals(new ArrayList<>(new HashSet<>(seqs)).size(), seqs.size(), "handoff frames are not transcript entries");
  }

  @Test
  void everyTextInTheWidgetHasAContrastOfAtLeastFourAndAHalf() {
    page.open(base + "/?locale=en");
    page.openPanel();
    page.type("hello");
    page.waitFor("a reply", () -> page.count("bot") >= 2);
    String id = page.conversationId();
    handoff(id, new JsonObject().put("status", "queued").put("team", "general").put("position", 3));
    vertx.eventBus().publish(Addresses.conversation(id),
        ConversationEvents.frame(new JsonObject().put("type", "typing").put("from", "bot")));
    page.waitFor("the status and typing lines", () -> !page.status().isEmpty() && page.shadow(".typing").isDisplayed());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> low = (List<Map<String, Object>>) page.js(
        "const root = document.querySelector('parley-chat').shadowRoot;"
            + "const rgba = s => s.match(/[\\d.]+/g).map(Number);"
            + "const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };"
            + "  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };"
            + "const bg = e => { while (e) { const c = rgba(getComputedStyle(e).backgroundColor);"
            + "  if (c.length < 4 || c[3] > 0) return c; e = e.parentElement || e.getRootNode().host; } return [255, 255, 255]; };"
            + "const out = [];"
            + "for (const e of root.querySelectorAll('h2, .status, .who, .msg:not(.pending) .text, time, .qr button, .typing, .send, textarea, .close')) {"
            + "  if (!e.getClientRects().length) continue;"
            + "  const a = lum(rgba(getComputedStyle(e).color)), b = lum(bg(e));"
            + "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
            + "  out.push({what: e.className || e.tagName, text: e.textContent.slice(0, 20), ratio}); }"
            + "return out;");
    assertTrue(low.size() >= 10, "checked: " + low);
    List<Map<String, Object>> failing = low.stream().filter(m -> ((Number) m.get("ratio")).doubleValue() < 4.5).toList();
    assertTrue(failing.isEmpty(), "below 4.5:1 " + failing);
  }

  private void handoff(String conversationId, JsonObject frame) {
    vertx.eventBus().publish(Addresses.conversation(conversationId),
        ConversationEvents.frame(frame.put("type", "handoff")));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
