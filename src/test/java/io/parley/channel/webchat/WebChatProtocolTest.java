package io.parley.channel.webchat;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.bot.TextCatalog;
import io.parley.config.ParleyConfig;
import io.parley.nlu.Language;
import io.parley.conversation.TranscriptEntry;
import io.parley.testing.ChatClient;
import io.parley.testing.RawWebSocket;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web chat protocol of contracts §1, frame by frame, including every kind of bad input. */
@ExtendWith(VertxExtension.class)
class WebChatProtocolTest {

  private static final Duration QUIET = Duration.ofMillis(400);
  private static final TextCatalog TEXTS = TextCatalog.load(Path.of("intents"));

  private RunningServer server;

  @BeforeEach
  void start(Vertx vertx) {
    ParleyConfig cfg = TestServers.memory();
    server = RunningServer.start(vertx, cfg.withWebChat(cfg.webchat()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** hello, welcome and the greeting; returns the welcome. */
  private static JsonObject open(ChatClient c, String locale) {
    if (locale == null) {
      c.hello();
    } else {
      c.hello(locale);
    }
    JsonObject welcome = c.next("welcome");
    JsonObject greeting = c.next("message");
    assertEquals(1, greeting.getLong("seq"));
    assertEquals("bot", greeting.getString("from"));
    return welcome;
  }

  private List<TranscriptEntry> transcript(String conversationId) {
    return await(server.server().store().entries(conversationId, 0, 1000));
  }

  @Test
  void aNewConversationStartsWithWelcomeAtSeqZeroThenTheGreetingFromIntents() {
    try (ChatClient c = server.chat()) {
      c.hello("en");
      JsonObject welcome = c.next("welcome");
      assertEquals(0, welcome.getLong("seq"));
      assertEquals("en", welcome.getString("locale"));
      assertNotNull(welcome.getString("conversationId"));
      assertTrue(welcome.getString("resumeToken").startsWith(welcome.getString("conversationId") + "."));
      JsonObject greeting = c.next("message");
      assertEquals(1, greeting.getLong("seq"));
      assertEquals("bot", greeting.getString("from"));
      assertEquals(TEXTS.text("greeting", Language.EN), greeting.getString("text"));
      assertNotNull(greeting.getString("ts"));
      assertTrue(c.silentFor(QUIET));
    }
  }

  @Test
  void withoutALocaleTheConversationIsAuto() {
    try (ChatClient c = server.chat()) {
      assertEquals("auto", open(c, null).getString("locale"));
    }
  }

  @Test
  void aMessageIsAcknowledgedThenEchoedThenAnswered() {
    try (ChatClient c = server.chat()) {
      open(c, "zh-Hant");
      c.message("我要投訴你哋啲職員", "m-1");
      JsonObject ack = c.next("ack");
      assertEquals("m-1", ack.getString("clientMsgId"));
      assertEquals(2, ack.getLong("seq"));
      JsonObject echo = c.next("message");
      assertEquals(2, echo.getLong("seq"));
      assertEquals("customer", echo.getString("from"));
      assertEquals("我要投訴你哋啲職員", echo.getString("text"));
      JsonObject reply = c.next("message");
      assertEquals(3, reply.getLong("seq"));
      assertEquals("bot", reply.getString("from"));
      assertEquals(TEXTS.text("complaint.ask_what", Language.ZH_HANT), reply.getString("text"));
      assertEquals("complaint", reply.getString("intent"), "bot messages carry the recognised intent");
    }
  }

  @Test
  void aQuestionTheKnowledgeBaseKnowsIsAnsweredInTheCustomersLanguageWithFollowUps() {
    io.parley.faq.KnowledgeBase kb = io.parley.faq.KnowledgeBase.load(Path.of("intents"));
    try (ChatClient c = server.chat()) {
      open(c, null);
      c.message("你们佣金怎么收的", "q1");
      c.next("ack");
      c.next("message");
      JsonObject answer = c.next("message");
      assertEquals("faq_fees", answer.getString("intent"));
      assertEquals(kb.answer("faq_fees").orElseThrow().text(Language.ZH_HANS), answer.getString("text"));
      JsonArray qr = answer.getJsonArray("quickReplies");
      assertEquals(kb.answer("faq_fees").orElseThrow().followUps().size(), qr.size());
      String next = qr.getJsonObject(0).getString("payload");
      assertEquals(TEXTS.text("label." + next, Language.ZH_HANS), qr.getJsonObject(0).getString("title"));

      c.send(new JsonObject().put("type", "postback").put("payload", next)
          .put("title", qr.getJsonObject(0).getString("title")).put("clientMsgId", "q2"));
      c.next("ack");
      c.next("message");
      JsonObject followUp = c.next("message");
      assertEquals(next, followUp.getString("intent"));
      assertEquals(kb.answer(next).orElseThrow().text(Language.ZH_HANS),
          followUp.getString("text"));

      c.message("what time does the market close", "q3");
      c.next("ack");
      c.next("message");
      JsonObject english = c.next("message");
      assertEquals("faq_trading_hours", english.getString("intent"));
      assertEquals(kb.answer("faq_trading_hours").orElseThrow().text(Language.EN), english.getString("text"));

      c.message("港股通要咩條件先開到", "q4");
      c.next("ack");
      c.next("message");
      JsonObject hant = c.next("message");
      assertEquals("faq_stock_connect", hant.getString("intent"));
      assertEquals(kb.answer("faq_stock_connect").orElseThrow().text(Language.ZH_HANT), hant.getString("text"));
    }
  }

  @Test
  void inAnAutoConversationRepliesFollowTheScriptOfEachMessageAndCarryTheIntent() {
    try (ChatClient c = server.chat()) {
      open(c, null);
      c.message("thank you so much", "t1");
      c.next("ack");
      c.next("message");
      JsonObject reply = c.next("message");
      assertEquals(TEXTS.text("reply.thanks", Language.EN), reply.getString("text"));
      assertEquals("thanks", reply.getString("intent"));
      c.message("唔該晒你呀", "t2");
      c.next("ack");
      c.next("message");
      assertEquals(TEXTS.text("reply.thanks", Language.ZH_HANT), c.next("message").getString("text"));
      c.message("谢谢你", "t3");
      c.next("ack");
      c.next("message");
      assertEquals(TEXTS.text("reply.thanks", Language.ZH_HANS), c.next("message").getString("text"));
    }
  }

  @Test
  void theGreetingAndAnythingOutOfScopeOfferTheMainMenuAndNoInvestmentAdvice() {
    io.parley.bot.MainMenu menu = io.parley.bot.MainMenu.load(Path.of("intents"));
    try (ChatClient c = server.chat()) {
      c.hello("en");
      c.next("welcome");
      JsonObject greeting = c.next("message");
      JsonArray qr = greeting.getJsonArray("quickReplies");
      assertEquals(menu.intents().size(), qr.size());
      assertEquals(menu.intents().get(0), qr.getJsonObject(0).getString("payload"));
      assertEquals(TEXTS.text("label." + menu.intents().get(0), Language.EN), qr.getJsonObject(0).getString("title"));

      c.message("which stock will double next month", "o1");
      c.next("ack");
      c.next("message");
      JsonObject refusal = c.next("message");
      assertEquals("out_of_scope", refusal.getString("intent"));
      assertEquals(TEXTS.text("reply.out_of_scope", Language.EN), refusal.getString("text"));
      assertTrue(refusal.getString("text").contains("investment advice"));
      assertEquals(menu.intents().size(), refusal.getJsonArray("quickReplies").size());
    }
  }

  @Test
  void theSameClientMsgIdIsAcknowledgedAgainButProcessedOnce() {
    try (ChatClient c = server.chat()) {
      String id = open(c, "en").getString("conversationId");
      c.message("hello", "same-id");
      assertEquals(2, c.next("ack").getLong("seq"));
      c.next("message");
      c.next("message");
      c.message("hello", "same-id");
      JsonObject again = c.next("ack");
      assertEquals(2, again.getLong("seq"));
      assertEquals("same-id", again.getString("clientMsgId"));
      assertTrue(c.silentFor(QUIET));
      c.message("next", "other-id");
      assertEquals(4, c.next("ack").getLong("seq"));
      c.next("message");
      c.next("message");
      assertEquals(5, transcript(id).size());
    }
  }

  @Test
  void framesBeforeHelloGetHelloRequiredAndHelloStillWorks() {
    try (ChatClient c = server.chat()) {
      c.message("hi", "m-1");
      c.nextError("hello_required");
      c.send(new JsonObject().put("type", "typing"));
      c.nextError("hello_required");
      open(c, "en");
    }
  }

  @Test
  void aSecondHelloIsABadFrame() {
    try (ChatClient c = server.chat()) {
      open(c, "en");
      c.hello("en");
      c.nextError("bad_frame");
    }
  }

  @Test
  void badFramesGetTheirErrorCodesAndStoreNothing() {
    try (ChatClient c = server.chat()) {
      String id = open(c, "en").getString("conversationId");
      c.sendRaw("this is not json");
      c.nextError("bad_json");
      c.sendRaw("{\"type\":\"message\",");
      c.nextError("bad_json");
      c.sendRaw("[1,2,3]");
      c.nextError("bad_frame");
      c.send(new JsonObject().put("text", "no type"));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", 42));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "launch_rocket"));
      c.nextError("unknown_type");
      c.send(new JsonObject().put("type", "typing"));
      c.send(new JsonObject().put("type", "message").put("clientMsgId", "x"));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "message").put("text", "   ").put("clientMsgId", "x"));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "message").put("text", "no id"));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "message").put("text", "numeric id").put("clientMsgId", 7));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "postback").put("clientMsgId", "p"));
      c.nextError("bad_frame");
      assertEquals(1, transcript(id).size());
      c.message("now a good one", "good");
      assertEquals(2, c.next("ack").getLong("seq"));
    }
  }

  @Test
  void tenBadFramesInARowCloseTheSocketWith1008AndTheConversationCanResume() {
    try (ChatClient c = server.chat()) {
      JsonObject welcome = open(c, "en");
      for (int i = 0; i < 9; i++) {
        c.sendRaw("garbage " + i);
        c.nextError("bad_json");
      }
      c.message("a good frame resets the count", "g1");
      c.next("ack");
      c.drain(QUIET);
      for (int i = 0; i < 10; i++) {
        c.sendRaw("garbage again " + i);
      }
      assertEquals(1008, c.awaitClose());
      try (ChatClient again = server.chat()) {
        again.resume(welcome.getString("resumeToken"), 0);
        assertEquals(3, again.next("welcome").getLong("seq"));
        assertEquals(List.of(1L, 2L, 3L), again.drain(QUIET).stream().map(f -> f.getLong("seq")).toList());
      }
    }
  }

  @Test
  void resumingReplaysExactlyTheEntriesAfterLastSeqAndAddsNothing() {
    JsonObject welcome;
    try (ChatClient c = server.chat()) {
      welcome = open(c, "en");
      c.message("one", "m1");
      c.next("ack");
      c.next("message");
      c.next("message");
      c.message("two", "m2");
      c.next("ack");
      c.next("message");
      c.next("message");
    }
    String id = welcome.getString("conversationId");
    try (ChatClient c = server.chat()) {
      c.resume(welcome.getString("resumeToken"), 2);
      JsonObject w = c.next("welcome");
      assertEquals(id, w.getString("conversationId"));
      assertEquals(5, w.getLong("seq"));
      assertEquals("en", w.getString("locale"));
      assertEquals(List.of(3L, 4L, 5L), c.drain(QUIET).stream().map(f -> f.getLong("seq")).toList());
    }
    try (ChatClient c = server.chat()) {
      c.send(new JsonObject().put("type", "hello").put("resumeToken", welcome.getString("resumeToken")));
      assertEquals(5, c.next("welcome").getLong("seq"));
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), c.drain(QUIET).stream().map(f -> f.getLong("seq")).toList());
    }
    try (ChatClient c = server.chat()) {
      c.resume(welcome.getString("resumeToken"), 99);
      assertEquals(5, c.next("welcome").getLong("seq"));
      assertTrue(c.silentFor(QUIET), "a lastSeq beyond the latest replays nothing");
      c.message("three", "m3");
      assertEquals(6, c.next("ack").getLong("seq"));
      assertEquals(6, c.next("message").getLong("seq"));
    }
    assertEquals(7, transcript(id).size());
  }

  @Test
  void anUnknownResumeTokenGetsAnErrorThenANewConversation() {
    JsonObject first;
    try (ChatClient c = server.chat()) {
      first = open(c, "en");
    }
    for (String bad : List.of(first.getString("conversationId") + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "not-a-token", "zzzzzzzzzzzzzzzzzzzz.AAAAAAAAAAAAAAAAAAAAAAAA")) {
      try (ChatClient c = server.chat()) {
        c.send(new JsonObject().put("type", "hello").put("locale", "en").put("resumeToken", bad).put("lastSeq", 1));
        c.nextError("bad_resume_token");
        JsonObject w = c.next("welcome");
        assertNotEquals(first.getString("conversationId"), w.getString("conversationId"));
        assertEquals(0, w.getLong("seq"));
        assertEquals(1, c.next("message").getLong("seq"));
      }
    }
    try (ChatClient c = server.chat()) {
      c.send(new JsonObject().put("type", "hello").put("resumeToken", 12));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "hello").put("lastSeq", -1));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "hello").put("locale", "fr"));
      c.nextError("bad_frame");
      open(c, "en");
    }
  }

  @Test
  void aPostbackEntersTheTranscriptWithItsTitleAndKeepsItsPayload() {
    try (ChatClient c = server.chat()) {
      String id = open(c, "en").getString("conversationId");
      c.send(new JsonObject().put("type", "postback").put("payload", "faq_fees").put("title", "Fees").put("clientMsgId", "p1"));
      assertEquals(2, c.next("ack").getLong("seq"));
      assertEquals("Fees", c.next("message").getString("text"));
      c.send(new JsonObject().put("type", "postback").put("payload", "menu").put("clientMsgId", "p2"));
      c.next("message");
      c.next("ack");
      c.drain(QUIET);
      List<TranscriptEntry> t = transcript(id);
      assertEquals("faq_fees", t.get(1).payload());
      assertEquals("menu", t.get(3).text());
    }
  }

  @Test
  void everySocketOfAConversationSeesEveryEntryButOnlyTheSenderGetsTheAck() {
    try (ChatClient a = server.chat(); ChatClient b = server.chat()) {
      JsonObject welcome = open(a, "en");
      b.resume(welcome.getString("resumeToken"), 1);
      b.next("welcome");
      a.message("from tab a", "a1");
      assertEquals("ack", a.next().getString("type"));
      assertEquals(List.of("message", "message"), b.drain(QUIET).stream().map(f -> f.getString("type")).toList());
      a.drain(QUIET);
      b.message("from tab b", "b1");
      List<JsonObject> seenByA = a.drain(QUIET);
      assertEquals(List.of(4L, 5L), seenByA.stream().map(f -> f.getLong("seq")).toList());
      assertEquals("from tab b", seenByA.get(0).getString("text"));
    }
  }

  @Test
  void typingFramesAreAccepted() {
    try (ChatClient c = server.chat()) {
      open(c, "en");
      c.send(new JsonObject().put("type", "typing"));
      assertTrue(c.silentFor(QUIET));
    }
  }

  @Test
  void aFloodOfMessagesIsRateLimitedAndTheRefusedOnesAreNotStored() {
    try (ChatClient c = server.chat()) {
      String id = open(c, "en").getString("conversationId");
      for (int i = 0; i < 25; i++) {
        c.message("flood " + i, "f" + i);
      }
      List<JsonObject> frames = c.drain(Duration.ofMillis(800));
      long acks = frames.stream().filter(f -> "ack".equals(f.getString("type"))).count();
      List<JsonObject> limited = frames.stream().filter(f -> "rate_limited".equals(f.getString("code"))).toList();
      assertEquals(20, acks);
      assertEquals(5, limited.size());
      assertEquals("f20", limited.get(0).getString("clientMsgId"));
      assertEquals(1 + 20 * 2, transcript(id).size());
    }
  }

  @Test
  void anOversizedFrameIsClosedWith1009AndTheConversationIsIntact() {
    JsonObject welcome;
    try (ChatClient c = server.chat()) {
      welcome = open(c, "en");
      c.message("x".repeat(20_000), "big");
      assertEquals(1009, c.awaitClose());
    }
    try (ChatClient c = server.chat()) {
      c.resume(welcome.getString("resumeToken"), 0);
      assertEquals(1, c.next("welcome").getLong("seq"));
      c.next("message");
      c.message("small", "small");
      assertEquals(2, c.next("ack").getLong("seq"));
    }
  }

  @Test
  void aFragmentedMessageOverTheLimitIsClosedWith1009() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port())) {
      raw.sendText("{\"type\":\"hello\",\"locale\":\"en\"}");
      assertEquals("welcome", new JsonObject(raw.readFrame().text()).getString("type"));
      byte[] chunk = "x".repeat(6000).getBytes(StandardCharsets.UTF_8);
      raw.sendFrame(0x01, chunk, false);
      raw.sendFrame(0x00, chunk, false);
      raw.sendFrame(0x00, chunk, true);
      assertEquals(1009, raw.awaitClose());
    }
  }

  @Test
  void aFragmentedMessageWithinTheLimitIsAssembled() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port())) {
      byte[] hello = "{\"type\":\"hello\",\"locale\":\"zh-Hans\"}".getBytes(StandardCharsets.UTF_8);
      raw.sendFrame(0x01, java.util.Arrays.copyOfRange(hello, 0, 10), false);
      raw.sendFrame(0x00, java.util.Arrays.copyOfRange(hello, 10, hello.length), true);
      assertEquals("welcome", new JsonObject(raw.readFrame().text()).getString("type"));
    }
  }

  @Test
  void invalidUtf8IsClosedWith1007() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port())) {
      raw.sendText("{\"type\":\"hello\",\"locale\":\"en\"}");
      assertEquals("welcome", new JsonObject(raw.readFrame().text()).getString("type"));
      raw.sendFrame(1, new byte[] {'{', '"', 't', (byte) 0xC3, (byte) 0x28, '"', '}'});
      assertEquals(1007, raw.awaitClose());
    }
  }

  @Test
  void aBinaryFrameIsABadFrame() throws Exception {
    try (RawWebSocket raw = RawWebSocket.connect(server.port())) {
      raw.sendFrame(2, "{\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
      JsonObject f = new JsonObject(raw.readFrame().text());
      assertEquals("bad_frame", f.getString("code"));
    }
  }

  @Test
  void theServerPingsAndClosesAConnectionThatStaysSilent(Vertx vertx) throws Exception {
    ParleyConfig base = TestServers.memory();
    io.parley.config.WebChatConfig w = base.webchat();
    ParleyConfig cfg = base.withWebChat(new io.parley.config.WebChatConfig(w.maxFrameBytes(), w.rateLimitMessages(),
        w.rateLimitWindow(), w.maxBadFrames(), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    try (RunningServer s = RunningServer.start(vertx, cfg); RawWebSocket raw = RawWebSocket.connect(s.port())) {
      long start = System.nanoTime();
      RawWebSocket.Frame first = raw.readFrame();
      assertEquals(9, first.opcode(), "a ping");
      assertEquals(1001, raw.awaitClose());
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMs >= 1500 && tookMs < 6000, "closed after " + tookMs + " ms");
    }
  }

  @Test
  void browserOriginsMustBeTheSameOriginOrAllowed(Vertx vertx) throws Exception {
    ParleyConfig base = TestServers.memory();
    ParleyConfig cfg = base.withServer(new io.parley.config.ServerConfig(base.server().host(), 0, 1,
        List.of("https://www.example-broker.com"), base.server().shutdownGrace()));
    try (RunningServer s = RunningServer.start(vertx, cfg)) {
      assertEquals(403, handshake(s.port(), "https://evil.example.com"));
      assertEquals(101, handshake(s.port(), "https://www.example-broker.com"));
      assertEquals(101, handshake(s.port(), "http://127.0.0.1:" + s.port()));
      assertEquals(101, handshake(s.port(), null));
      try (ChatClient c = ChatClient.connect(s.port(), Map.of("Origin", "https://www.example-broker.com"))) {
        open(c, "en");
      }
    }
  }

  /** The HTTP status of a WebSocket handshake with {@code origin} (none when null). */
  private static int handshake(int port, String origin) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      String req = "GET /ws/chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
      s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void quickRepliesAndIntentsTravelInMessageFrames() {
    TranscriptEntry e = new TranscriptEntry(7, io.parley.conversation.Author.BOT, "Pick one", java.time.Instant.EPOCH,
        List.of(new io.parley.conversation.QuickReply("Fees", "faq_fees")), "faq_fees", null, null, null);
    JsonObject f = Frames.message(e);
    assertEquals(7, f.getLong("seq"));
    assertEquals("faq_fees", f.getString("intent"));
    JsonArray qr = f.getJsonArray("quickReplies");
    assertEquals("Fees", qr.getJsonObject(0).getString("title"));
    assertEquals("faq_fees", qr.getJsonObject(0).getString("payload"));
    assertFalse(f.containsKey("agentName"));
    assertFalse(f.containsKey("clientMsgId"));
  }

  @Test
  void plainHttpOnTheSocketPathIsRefused() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ws/chat")).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(426, r.statusCode());
    assertEquals("upgrade_required", new JsonObject(r.body()).getString("error"));
  }
}
