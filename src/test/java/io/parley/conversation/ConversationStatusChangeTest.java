package io.parley.conversation;

import static io.parley.testing.Await.await;
import static io.parley.testing.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.parley.config.MemoryConfig;
import io.parley.store.ConversationNotFoundException;
import io.parley.store.ConversationStore;
import io.parley.store.MemoryConversationStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ConversationService#changeStatus}: one write with the version check, retried after a lost race. */
@ExtendWith(VertxExtension.class)
class ConversationStatusChangeTest {

  private static Responder quiet() {
    return new Responder() {
      @Override
      public List<OutboundMessage> greet(Conversation c) {
        return List.of(OutboundMessage.bot("hi", List.of(), null));
      }

      @Override
      public Future<Turn> respond(Conversation c, TranscriptEntry e) {
        return Future.succeededFuture(new Turn(null, List.of()));
      }
    };
  }

  @Test
  void aStatusChangeThatLosesARaceIsDecidedAgainOnTheFreshState(Vertx vertx) {
    MemoryConversationStore memory = new MemoryConversationStore(vertx, Clock.systemUTC(), Duration.ofHours(1),
        Duration.ofHours(1), new MemoryConfig(null, Duration.ofSeconds(30)));
    AtomicBoolean raced = new AtomicBoolean();
    // The first load is followed by another instance's write, so the first commit loses the race.
    ConversationStore racing = (ConversationStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ConversationStore.class}, (proxy, method, args) -> {
          try {
            Object result = method.invoke(memory, args);
            if (method.getName().equals("load") && raced.compareAndSet(false, true)) {
              Conversation c = ((Future<Conversation>) result).result();
              await(memory.commit(c.id(), c.version(), c.withFlow("other-instance", Map.of("k", "v")), List.of()));
            }
            return result;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    ConversationService service = new ConversationService(vertx, racing, quiet(), Clock.systemUTC());
    String id = await(service.open("webchat", "en", null, false)).conversation().id();
    List<String> events = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.conversation(id), m -> events.add(m.body().getString("type")));

    Conversation after = await(service.changeStatus(id, ConversationStatus.WITH_AGENT,
        List.of(new OutboundMessage(Author.SYSTEM, "Li joined", List.of(), null, null)),
        new JsonObject().put("type", "handoff").put("status", "assigned")));
    assertEquals(ConversationStatus.WITH_AGENT, after.status());
    assertEquals("other-instance", after.flow(), "the other instance's change is kept");
    assertEquals(2, after.version());
    assertEquals(2, after.seq());
    assertEquals("Li joined", await(memory.entries(id, 1, 10)).get(0).text());
    long deadline = System.currentTimeMillis() + 2000;
    while (events.size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(List.of("frame", "entry"), events, "the frame first, then the entry");
    assertInstanceOf(ConversationNotFoundException.class,
        failure(service.changeStatus("nosuchconversation", ConversationStatus.BOT, List.of(), null)));
  }
}
