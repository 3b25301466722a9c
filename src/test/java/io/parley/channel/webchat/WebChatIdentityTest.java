package io.parley.channel.webchat;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.config.ParleyConfig;
import io.parley.conversation.Conversation;
import io.parley.testing.ChatClient;
import io.parley.testing.RunningServer;
import io.parley.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The widget identity of contracts §1 and PARLEY_IDENTITY_SECRET of §3. */
@ExtendWith(VertxExtension.class)
class WebChatIdentityTest {

  private static final String SECRET = "identity-test-secret";
  private static final Duration QUIET = Duration.ofMillis(300);

  private RunningServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private RunningServer start(Vertx vertx, String secret) {
    ParleyConfig cfg = TestServers.memory();
    server = RunningServer.start(vertx, cfg.withWebChat(cfg.webchat().withIdentitySecret(secret)));
    return server;
  }

  private static JsonObject hello(String customerId, String hash) {
    return new JsonObject().put("type", "hello").put("locale", "en")
        .put("identity", new JsonObject().put("customerId", customerId).put("hash", hash));
  }

  private Conversation stored(JsonObject welcome) {
    return await(server.server().store().load(welcome.getString("conversationId")));
  }

  @Test
  void theHashIsTheLowercaseHexHmacSha256OfTheCustomerId() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        IdentityHash.sign("Jefe", "what do ya want for nothing?"));
    // the README's example
    assertEquals("ef31b82cfc1c9eec1e71fdfa4531e9166e16cd878cb49ec6f19348ebe1463338",
        IdentityHash.sign("demo-secret", "C-100200"));
    String h = IdentityHash.sign("k", "C-1");
    assertTrue(IdentityHash.verify("k", "C-1", h));
    assertTrue(IdentityHash.verify("k", "C-1", h.toUpperCase()), "hex in either case");
    assertFalse(IdentityHash.verify("k", "C-2", h));
    assertFalse(IdentityHash.verify("other", "C-1", h));
    assertFalse(IdentityHash.verify("k", "C-1", h.substring(1)));
    assertFalse(IdentityHash.verify("", "C-1", h));
    assertThrows(IllegalArgumentException.class, () -> IdentityHash.sign("", "C-1"));
  }

  @Test
  void aValidHashMakesTheConversationTheVerifiedCustomers(Vertx vertx) {
    start(vertx, SECRET);
    try (ChatClient c = server.chat()) {
      c.send(hello("C-100200", IdentityHash.sign(SECRET, "C-100200")).put("identity",
          new JsonObject().put("customerId", "C-100200").put("name", "陳大文").put("hash", IdentityHash.sign(SECRET, "C-100200"))));
      JsonObject welcome = c.next("welcome");
      assertEquals("bot", c.next("message").getString("from"), "the greeting, as for anyone");
      Conversation conv = stored(welcome);
      assertTrue(conv.verified());
      assertEquals("C-100200", conv.customerRef());
      assertTrue(c.silentFor(QUIET), "no error");
    }
  }

  @Test
  void aBadHashGetsBadIdentityAndTheConversationStaysAnonymous(Vertx vertx) {
    start(vertx, SECRET);
    try (ChatClient c = server.chat()) {
      c.send(hello("C-100200", IdentityHash.sign("another-secret", "C-100200")));
      c.nextError("bad_identity");
      JsonObject welcome = c.next("welcome");
      c.next("message");
      Conversation conv = stored(welcome);
      assertFalse(conv.verified());
      assertNull(conv.customerRef());
      // the connection works as usual
      c.message("hello", "m1");
      assertEquals("m1", c.next("ack").getString("clientMsgId"));
    }
    assertEquals(1.0, server.metrics().registry().find("parley_errors").tag("code", "bad_identity").counter().count());
  }

  @Test
  void withoutASecretIdentitiesAreIgnoredWithoutAnError(Vertx vertx) {
    start(vertx, "");
    try (ChatClient c = server.chat()) {
      c.send(hello("C-100200", IdentityHash.sign(SECRET, "C-100200")));
      JsonObject welcome = c.next("welcome");
      c.next("message");
      Conversation conv = stored(welcome);
      assertFalse(conv.verified());
      assertNull(conv.customerRef());
      assertTrue(c.silentFor(QUIET));
    }
  }

  @Test
  void aMalformedIdentityIsABadFrameAndHelloCanBeSentAgain(Vertx vertx) {
    start(vertx, SECRET);
    try (ChatClient c = server.chat()) {
      c.send(new JsonObject().put("type", "hello").put("identity", "C-100200"));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "hello").put("identity", new JsonObject().put("hash", "ab")));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "hello").put("identity", new JsonObject().put("customerId", "").put("hash", "ab")));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "hello").put("identity", new JsonObject().put("customerId", "C-1")));
      c.nextError("bad_frame");
      c.send(new JsonObject().put("type", "hello").put("identity",
          new JsonObject().put("customerId", "C-1").put("hash", "ab").put("name", 7)));
      c.nextError("bad_frame");
      c.send(hello("C-1", IdentityHash.sign(SECRET, "C-1")));
      JsonObject welcome = c.next("welcome");
      assertTrue(stored(welcome).verified());
    }
  }

  @Test
  void aVerifiedCustomerNeverResumesAnotherCustomersConversation(Vertx vertx) {
    start(vertx, SECRET);
    String token;
    String id;
    try (ChatClient c = server.chat()) {
      c.send(hello("C-1", IdentityHash.sign(SECRET, "C-1")));
      JsonObject welcome = c.next("welcome");
      token = welcome.getString("resumeToken");
      id = welcome.getString("conversationId");
      c.next("message");
    }
    try (ChatClient same = server.chat()) {
      same.send(hello("C-1", IdentityHash.sign(SECRET, "C-1")).put("resumeToken", token).put("lastSeq", 1));
      assertEquals(id, same.next("welcome").getString("conversationId"));
      assertTrue(same.silentFor(QUIET), "nothing to replay");
    }
    try (ChatClient other = server.chat()) {
      other.send(hello("C-2", IdentityHash.sign(SECRET, "C-2")).put("resumeToken", token));
      other.nextError("bad_resume_token");
      JsonObject welcome = other.next("welcome");
      assertNotEquals(id, welcome.getString("conversationId"), "C-2 never sees C-1's conversation");
      assertEquals("C-2", stored(welcome).customerRef());
    }
    try (ChatClient tokenOnly = server.chat()) {
      // without a verified identity the token alone decides (the widget keeps signed-in customers'
      // tokens apart from anonymous ones, so a signed-out page never holds this token)
      tokenOnly.send(new JsonObject().put("type", "hello").put("resumeToken", token).put("lastSeq", 1));
      assertEquals(id, tokenOnly.next("welcome").getString("conversationId"));
    }
  }
}
