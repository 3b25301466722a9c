package io.parley.store;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every {@link HandoffStore} must do; run against memory and a real Redis by the subclasses. */
@ExtendWith(VertxExtension.class)
public abstract class HandoffStoreContract {

  protected static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

  /** A fresh, empty store; {@code second} a view of the same data (another instance for Redis). */
  protected abstract HandoffStore store(Vertx vertx);

  protected abstract HandoffStore sameData(Vertx vertx);

  static HandoffRecord waiting(String team, int priority, Instant since) {
    return HandoffRecord.waiting(UUID.randomUUID().toString(), team, priority, "agent_request", "help", null, "en",
        since, since.plusSeconds(60));
  }

  @Test
  void queueIsOrderedByPriorityThenWaitingTime(Vertx vertx) {
    HandoffStore s = store(vertx);
    HandoffRecord old = waiting("trading_desk", 10, T0);
    HandoffRecord urgent = waiting("trading_desk", 40, T0.plusSeconds(30));
    HandoffRecord newer = waiting("trading_desk", 10, T0.plusSeconds(10));
    HandoffRecord confirmed = waiting("trading_desk", 30, T0.plusSeconds(50));
    HandoffRecord otherTeam = waiting("general", 99, T0);
    for (HandoffRecord r : List.of(old, urgent, newer, confirmed, otherTeam)) {
      assertTrue(await(s.enqueue(r)));
    }
    assertFalse(await(s.enqueue(old)), "a second handoff of the same conversation is refused");
    List<String> order = await(s.waiting("trading_desk")).stream().map(HandoffRecord::conversationId).toList();
    assertEquals(List.of(urgent.conversationId(), confirmed.conversationId(), old.conversationId(),
        newer.conversationId()), order);
    assertEquals(old, await(s.handoff(old.conversationId())));
    assertEquals(1, await(s.waiting("general")).size());
  }

  @Test
  void assignIsAtomicAndRespectsCapacity(Vertx vertx) {
    HandoffStore s = store(vertx);
    HandoffStore other = sameData(vertx);
    HandoffRecord a = waiting("general", 10, T0);
    HandoffRecord b = waiting("general", 10, T0.plusSeconds(1));
    await(s.enqueue(a));
    await(s.enqueue(b));
    HandoffStore.Assignment first = await(s.assign(a.conversationId(), "li", "Li", 1, T0.plusSeconds(5)));
    assertEquals(HandoffStore.Outcome.ASSIGNED, first.outcome());
    assertEquals("li", first.record().agent());
    assertEquals("Li", first.record().agentName());
    assertEquals(HandoffStore.Outcome.ALREADY_YOURS, await(other.assign(a.conversationId(), "li", "Li", 1, T0)).outcome());
    assertEquals(HandoffStore.Outcome.TAKEN, await(other.assign(a.conversationId(), "wang", "Wang", 1, T0)).outcome());
    assertEquals(HandoffStore.Outcome.FULL, await(other.assign(b.conversationId(), "li", "Li", 1, T0)).outcome());
    assertEquals(HandoffStore.Outcome.NOT_WAITING, await(s.assign("nope", "li", "Li", 1, T0)).outcome());
    assertEquals(List.of(b.conversationId()),
        await(other.waiting("general")).stream().map(HandoffRecord::conversationId).toList());
    assertEquals(List.of(a.conversationId()),
        await(other.assignedTo("li")).stream().map(HandoffRecord::conversationId).toList());
    // unlimited capacity (0) for b
    assertEquals(HandoffStore.Outcome.ASSIGNED, await(s.assign(b.conversationId(), "li", "Li", 0, T0)).outcome());
    assertEquals(2, await(s.assignedTo("li")).size());
  }

  @Test
  void endRemovesEverythingButOnlyForTheHoldingAgent(Vertx vertx) {
    HandoffStore s = store(vertx);
    HandoffRecord a = waiting("complaints", 20, T0);
    await(s.enqueue(a));
    await(s.assign(a.conversationId(), "li", "Li", 3, T0));
    assertNull(await(s.end(a.conversationId(), "wang")));
    HandoffRecord ended = await(sameData(vertx).end(a.conversationId(), "li"));
    assertEquals("li", ended.agent());
    assertNull(await(s.handoff(a.conversationId())));
    assertTrue(await(s.assignedTo("li")).isEmpty());
    HandoffRecord w = waiting("complaints", 20, T0);
    await(s.enqueue(w));
    assertEquals(w.conversationId(), await(s.end(w.conversationId(), null)).conversationId());
    assertTrue(await(s.waiting("complaints")).isEmpty());
    assertTrue(await(s.enqueue(w)), "after the end a new handoff may start");
    await(s.touch(w.conversationId()));
    await(s.touch("no-such-conversation"));
    assertEquals(w, await(s.handoff(w.conversationId())));
  }

  @Test
  void overdueHandoffsAreBreachedOnce(Vertx vertx) {
    HandoffStore s = store(vertx);
    HandoffRecord late = waiting("general", 10, T0);
    HandoffRecord onTime = waiting("general", 10, T0.plusSeconds(100));
    HandoffRecord claimed = waiting("general", 10, T0);
    await(s.enqueue(late));
    await(s.enqueue(onTime));
    await(s.enqueue(claimed));
    await(s.assign(claimed.conversationId(), "li", "Li", 0, T0));
    List<HandoffRecord> due = await(s.overdue(T0.plusSeconds(61), 100));
    assertEquals(List.of(late.conversationId()), due.stream().map(HandoffRecord::conversationId).toList());
    assertTrue(await(s.markBreached(late.conversationId())));
    assertFalse(await(sameData(vertx).markBreached(late.conversationId())));
    assertTrue(await(s.overdue(T0.plusSeconds(61), 100)).isEmpty());
    assertEquals(2, await(s.waiting("general")).size(), "a breached handoff still waits");
  }

  @Test
  void auditTrailKeepsActionsInOrder(Vertx vertx) {
    HandoffStore s = store(vertx);
    String id = UUID.randomUUID().toString();
    await(s.audit(id, new JsonObject().put("action", "claim").put("agent", "li")));
    await(s.audit(id, new JsonObject().put("action", "message").put("agent", "li")));
    List<JsonObject> trail = await(sameData(vertx).auditTrail(id));
    assertEquals(List.of("claim", "message"), trail.stream().map(j -> j.getString("action")).toList());
  }
}
