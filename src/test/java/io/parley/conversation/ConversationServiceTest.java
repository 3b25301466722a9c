package io.parley.conversation;

import static io.parley.testing.Await.await;
import static io.parley.testing.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.config.MemoryConfig;
import io.parley.store.MemoryConversationStore;
import io.parley.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service's own guarantees: resume tokens, and a drain that lets turns in flight finish. */
@ExtendWith(VertxExtension.class)
class ConversationServiceTest {

  private static MemoryConversationStore store(Vertx vertx) {
    return new MemoryConversationStore(vertx, Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1),
        new MemoryConfig(null, Duration.ofSeconds(30)));
  }

  /** Replies after {@code delayMs}, like a bot that takes its time. */
  private static Responder slow(Vertx vertx, long delayMs) {
    return new Responder() {
      @Override
      public List<OutboundMessage> greet(Conversation c) {
        return List.of(OutboundMessage.bot("hi", List.of(), null));
      }

      @Override
      public Future<Turn> respond(Conversation c, TranscriptEntry e) {
        Promise<Turn> p = Promise.promise();
        vertx.setTimer(delayMs, id -> p.complete(new Turn(null, List.of(OutboundMessage.bot("done", List.of(), null)))));
        return p.future();
      }
    };
  }

  @Test
  void drainWaitsForTheTurnsInFlightThenRefusesNewMessages(Vertx vertx) {
    MemoryConversationStore store = store(vertx);
    ConversationService service = new ConversationService(vertx, store, slow(vertx, 500), Clock.systemUTC());
    ConversationService.Opened opened = await(service.open("webchat", "en", null, false));
    String id = opened.conversation().id();
    assertEquals(2, await(service.receive(new InboundMessage(id, "hello", null, "m1"))).seq());
    await(service.drain(Duration.ofSeconds(5)));
    List<TranscriptEntry> entries = await(store.entries(id, 0, 10));
    assertEquals(List.of("hi", "hello", "done"), entries.stream().map(TranscriptEntry::text).toList());
    assertInstanceOf(StoreUnavailableException.class, failure(service.receive(new InboundMessage(id, "late", null, "m2"))));
  }

  @Test
  void aResumeTokenOpensOnlyItsOwnConversation(Vertx vertx) {
    ConversationService service = new ConversationService(vertx, store(vertx), slow(vertx, 0), Clock.systemUTC());
    ConversationService.Opened a = await(service.open("webchat", "auto", null, false));
    ConversationService.Opened b = await(service.open("webchat", "auto", null, false));
    assertEquals(a.conversation().id(), await(service.resume(a.resumeToken())).id());
    String forged = a.conversation().id() + "." + ResumeTokens.parse(b.resumeToken()).orElseThrow().secret();
    assertInstanceOf(BadResumeTokenException.class, failure(service.resume(forged)));
    assertInstanceOf(BadResumeTokenException.class, failure(service.resume("garbage")));
    assertTrue(a.resumeToken().startsWith(a.conversation().id() + "."));
  }
}
