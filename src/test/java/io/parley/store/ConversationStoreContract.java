package io.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.conversation.Author;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationService;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.InboundMessage;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.Responder;
import io.parley.conversation.ResumeTokens;
import io.parley.conversation.TranscriptEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link ConversationStore} must have; run against the memory store and a real
 * Redis by the subclasses.
 */
@ExtendWith(VertxExtension.class)
public abstract class ConversationStoreContract {

  protected static final Duration LONG = Duration.ofHours(1);

  private final List<ConversationStore> opened = new ArrayList<>();
  protected ConversationStore store;

  /** A started, ready store on {@code vertx}. */
  protected abstract Future<ConversationStore> newStore(Vertx vertx, Duration conversationTtl, Duration idempotencyTtl);

  /**
   * A second view of the same data from another process ({@code other} stands for it): for Redis a
   * new connection with the same prefix, for memory the same object.
   */
  protected abstract Future<ConversationStore> sameDataOn(Vertx other, ConversationStore first);

  protected Future<ConversationStore> track(Future<ConversationStore> f) {
    return f.onSuccess(opened::add);
  }

  @BeforeEach
  void open(Vertx vertx, VertxTestContext ctx) {
    track(newStore(vertx, LONG, LONG)).onComplete(ctx.succeeding(s -> {
      store = s;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void closeAll(VertxTestContext ctx) {
    Future.all(opened.stream().map(ConversationStore::close).toList()).onComplete(ar -> ctx.completeNow());
  }

  static Conversation newConversation() {
    return Conversation.open(ResumeTokens.newId(), "webchat", "auto", null, false, Instant.now(),
        ResumeTokens.hash("secret"));
  }

  static TranscriptEntry bot(String text) {
    return TranscriptEntry.bot(text, List.of(), "greeting", Instant.now());
  }

  static TranscriptEntry customer(String text) {
    return TranscriptEntry.customer(text, null, null, Instant.now());
  }

  @Test
  void createsAndLoadsAConversationWithItsFirstEntries(VertxTestContext ctx) {
    Conversation c = newConversation();
    store.create(c, List.of(bot("hello"), bot("menu")))
        .compose(created -> {
          ctx.verify(() -> {
            assertEquals(2, created.seq());
            assertEquals(0, created.version());
          });
          return store.load(c.id());
        })
        .compose(loaded -> {
          ctx.verify(() -> {
            assertEquals(c.id(), loaded.id());
            assertEquals("webchat", loaded.channel());
            assertEquals(ConversationStatus.BOT, loaded.status());
            assertEquals(c.tokenHash(), loaded.tokenHash());
            assertEquals(2, loaded.seq());
          });
          return store.entries(c.id(), 0, 100);
        })
        .onComplete(ctx.succeeding(entries -> ctx.verify(() -> {
          assertEquals(List.of(1L, 2L), entries.stream().map(TranscriptEntry::seq).toList());
          assertEquals("hello", entries.get(0).text());
          assertEquals(Author.BOT, entries.get(0).from());
          ctx.completeNow();
        })));
  }

  @Test
  void anUnknownConversationLoadsAsNull(VertxTestContext ctx) {
    store.load("no-such-conversation").onComplete(ctx.succeeding(c -> ctx.verify(() -> {
      assertNull(c);
      ctx.completeNow();
    })));
  }

  @Test
  void creatingTheSameConversationTwiceFails(VertxTestContext ctx) {
    Conversation c = newConversation();
    store.create(c, List.of()).compose(x -> store.create(c, List.of()))
        .onComplete(ctx.failing(e -> ctx.completeNow()));
  }

  @Test
  void inboundEntriesTakeTheNextSeqAndKeepTheirFields(VertxTestContext ctx) {
    Conversation c = newConversation();
    TranscriptEntry pressed = TranscriptEntry.customer("Fees", "faq_fees", "m-2", Instant.now());
    store.create(c, List.of(bot("hello")))
        .compose(x -> store.appendInbound(c.id(), customer("hi"), "m-1"))
        .compose(a -> {
          ctx.verify(() -> {
            assertEquals(2, a.seq());
            assertFalse(a.duplicate());
            assertEquals(c.id(), a.conversation().id());
          });
          return store.appendInbound(c.id(), pressed, "m-2");
        })
        .compose(a -> store.entries(c.id(), 1, 100))
        .onComplete(ctx.succeeding(entries -> ctx.verify(() -> {
          assertEquals(2, entries.size());
          assertEquals(2, entries.get(0).seq());
          assertEquals(Author.CUSTOMER, entries.get(0).from());
          assertEquals("faq_fees", entries.get(1).payload());
          assertEquals("m-2", entries.get(1).clientMsgId());
          ctx.completeNow();
        })));
  }

  @Test
  void aRepeatedIdempotencyKeyIsNotStoredAgain(VertxTestContext ctx) {
    Conversation c = newConversation();
    store.create(c, List.of(bot("hello")))
        .compose(x -> store.appendInbound(c.id(), customer("hi"), "same"))
        .compose(first -> store.appendInbound(c.id(), customer("hi again"), "same").map(second -> List.of(first, second)))
        .compose(both -> {
          ctx.verify(() -> {
            assertEquals(2, both.get(0).seq());
            assertTrue(both.get(1).duplicate());
            assertEquals(2, both.get(1).seq());
          });
          return store.entries(c.id(), 0, 100);
        })
        .onComplete(ctx.succeeding(entries -> ctx.verify(() -> {
          assertEquals(2, entries.size());
          ctx.completeNow();
        })));
  }

  @Test
  void idempotencyKeysAreScopedToTheirConversation(VertxTestContext ctx) {
    Conversation a = newConversation();
    Conversation b = newConversation();
    store.create(a, List.of()).compose(x -> store.create(b, List.of()))
        .compose(x -> store.appendInbound(a.id(), customer("hi"), "k"))
        .compose(x -> store.appendInbound(b.id(), customer("hi"), "k"))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertFalse(r.duplicate());
          assertEquals(1, r.seq());
          ctx.completeNow();
        })));
  }

  @Test
  void appendingToAnUnknownConversationFails(VertxTestContext ctx) {
    store.appendInbound("nobody-here-123", customer("hi"), "k").onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertInstanceOf(ConversationNotFoundException.class, e);
      ctx.completeNow();
    })));
  }

  @Test
  void aCommitAtTheCurrentVersionAppliesStateAndEntriesTogether(VertxTestContext ctx) {
    Conversation c = newConversation();
    store.create(c, List.of(bot("hello")))
        .compose(x -> store.appendInbound(c.id(), customer("buy"), "k"))
        .compose(a -> store.commit(c.id(), a.conversation().version(),
            a.conversation().withFlow("trade", Map.of("side", "buy")), List.of(bot("which stock?"), bot("or cancel"))))
        .compose(r -> {
          ctx.verify(() -> {
            assertTrue(r.applied());
            assertEquals(List.of(3L, 4L), r.entries().stream().map(TranscriptEntry::seq).toList());
            assertEquals(1, r.conversation().version());
            assertEquals(4, r.conversation().seq());
          });
          return store.load(c.id());
        })
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertEquals("trade", loaded.flow());
          assertEquals("buy", loaded.slots().get("side"));
          assertEquals(1, loaded.version());
          assertEquals(4, loaded.seq());
          ctx.completeNow();
        })));
  }

  @Test
  void aCommitOnAStaleVersionWritesNothingAndReturnsTheCurrentState(VertxTestContext ctx) {
    Conversation c = newConversation();
    store.create(c, List.of(bot("hello")))
        .compose(x -> store.commit(c.id(), 0, c.withFlow("first", Map.of()), List.of(bot("first"))))
        .compose(x -> store.commit(c.id(), 0, c.withFlow("second", Map.of()), List.of(bot("second"))))
        .compose(r -> {
          ctx.verify(() -> {
            assertFalse(r.applied());
            assertEquals("first", r.conversation().flow());
            assertEquals(1, r.conversation().version());
            assertEquals(2, r.conversation().seq());
          });
          return store.entries(c.id(), 0, 100);
        })
        .onComplete(ctx.succeeding(entries -> ctx.verify(() -> {
          assertEquals(List.of("hello", "first"), entries.stream().map(TranscriptEntry::text).toList());
          ctx.completeNow();
        })));
  }

  @Test
  void aCommitWithoutStateAppendsWhateverTheVersion(VertxTestContext ctx) {
    Conversation c = newConversation();
    store.create(c, List.of())
        .compose(x -> store.commit(c.id(), 0, c.withStatus(ConversationStatus.WAITING), List.of()))
        .compose(x -> store.commit(c.id(), 0, null, List.of(bot("an agent will be with you"))))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertTrue(r.applied());
          assertEquals(1, r.entries().get(0).seq());
          assertEquals(1, r.conversation().version());
          assertEquals(ConversationStatus.WAITING, r.conversation().status());
          ctx.completeNow();
        })));
  }

  @Test
  void entriesArePagedAfterASeq(VertxTestContext ctx) {
    Conversation c = newConversation();
    List<TranscriptEntry> many = IntStream.rangeClosed(1, 25).mapToObj(i -> bot("m" + i)).toList();
    store.create(c, many)
        .compose(x -> store.entries(c.id(), 10, 5))
        .compose(page -> {
          ctx.verify(() -> assertEquals(List.of(11L, 12L, 13L, 14L, 15L), page.stream().map(TranscriptEntry::seq).toList()));
          return store.entries(c.id(), 25, 5);
        })
        .compose(none -> {
          ctx.verify(() -> assertTrue(none.isEmpty()));
          return store.entries(c.id(), 99, 5);
        })
        .onComplete(ctx.succeeding(beyond -> ctx.verify(() -> {
          assertTrue(beyond.isEmpty());
          ctx.completeNow();
        })));
  }

  @Test
  void idleConversationsExpireWithTheirTranscript(Vertx vertx, VertxTestContext ctx) {
    Conversation c = newConversation();
    track(newStore(vertx, Duration.ofSeconds(1), LONG)).compose(s -> s.create(c, List.of(bot("hello")))
            .compose(x -> s.load(c.id()))
            .compose(loaded -> {
              ctx.verify(() -> assertNotNull(loaded));
              return Future.<Void>future(p -> vertx.setTimer(2100, id -> p.complete()));
            })
            .compose(x -> s.load(c.id()))
            .compose(gone -> {
              ctx.verify(() -> assertNull(gone));
              return s.entries(c.id(), 0, 10);
            }))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertInstanceOf(ConversationNotFoundException.class, e);
          ctx.completeNow();
        })));
  }

  @Test
  void everyWriteKeepsAConversationAlive(Vertx vertx, VertxTestContext ctx) {
    Conversation c = newConversation();
    track(newStore(vertx, Duration.ofSeconds(4), LONG)).compose(s -> s.create(c, List.of(bot("hello")))
            .compose(x -> Future.<Void>future(p -> vertx.setTimer(2500, id -> p.complete())))
            .compose(x -> s.appendInbound(c.id(), customer("still here"), "k1"))
            .compose(x -> Future.<Void>future(p -> vertx.setTimer(2500, id -> p.complete())))
            .compose(x -> s.entries(c.id(), 0, 10)))
        .onComplete(ctx.succeeding(entries -> ctx.verify(() -> {
          assertEquals(2, entries.size());
          ctx.completeNow();
        })));
  }

  @Test
  void idempotencyRecordsExpire(Vertx vertx, VertxTestContext ctx) {
    Conversation c = newConversation();
    track(newStore(vertx, LONG, Duration.ofSeconds(1))).compose(s -> s.create(c, List.of())
            .compose(x -> s.appendInbound(c.id(), customer("hi"), "k"))
            .compose(x -> Future.<Void>future(p -> vertx.setTimer(2100, id -> p.complete())))
            .compose(x -> s.appendInbound(c.id(), customer("hi"), "k")))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertFalse(r.duplicate());
          assertEquals(2, r.seq());
          ctx.completeNow();
        })));
  }

  @Test
  void claimOnceAnswersTrueOnlyTheFirstTime(VertxTestContext ctx) {
    String key = ResumeTokens.newId();
    store.claimOnce("telegram", key, Duration.ofMinutes(5))
        .compose(first -> store.claimOnce("telegram", key, Duration.ofMinutes(5)).map(second -> List.of(first, second)))
        .compose(r -> store.claimOnce("whatsapp", key, Duration.ofMinutes(5)).map(other -> List.of(r.get(0), r.get(1), other)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertEquals(List.of(true, false, true), r);
          ctx.completeNow();
        })));
  }

  @Test
  void casesAreNumberedPerKindAndKeepTheirHistory(VertxTestContext ctx) {
    Conversation c = newConversation();
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    JsonObject data = new JsonObject().put("category", "fees").put("text", "charged twice");
    store.createCase(new CaseRecord.Draft(CaseKind.COMPLAINT, c.id(), now, now.plusSeconds(86_400), data, "open"))
        .compose(first -> store.createCase(new CaseRecord.Draft(CaseKind.COMPLAINT, c.id(), now, null, data, "open"))
            .compose(second -> store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, c.id(), now, null, null, "open"))
                .map(third -> List.of(first, second, third))))
        .compose(three -> {
          ctx.verify(() -> {
            assertTrue(three.get(0).id().matches("C-\\d{6}"), three.get(0).id());
            long n = Long.parseLong(three.get(0).id().substring(2));
            assertEquals(CaseKind.COMPLAINT.caseId(n + 1), three.get(1).id());
            assertTrue(three.get(2).id().startsWith("F-"));
          });
          return store.updateCaseStatus(three.get(0).id(), "in_progress", "called the customer", now.plusSeconds(60))
              .compose(x -> store.updateCaseStatus(three.get(0).id(), "resolved", "refunded", now.plusSeconds(120)))
              .compose(x -> store.loadCase(three.get(0).id()));
        })
        .onComplete(ctx.succeeding(rec -> ctx.verify(() -> {
          assertEquals("resolved", rec.status());
          assertFalse(rec.open());
          assertEquals(List.of("open", "in_progress", "resolved"), rec.history().stream().map(CaseRecord.StatusChange::status).toList());
          assertEquals("refunded", rec.history().get(2).note());
          assertEquals("fees", rec.data().getString("category"));
          assertEquals(now.plusSeconds(86_400), rec.dueAt());
          assertEquals(c.id(), rec.conversationId());
          ctx.completeNow();
        })));
  }

  @Test
  void openCasesComeSoonestDueFirstAndLeaveWhenResolved(VertxTestContext ctx) {
    Conversation c = newConversation();
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, c.id(), now, now.plusSeconds(7200), null, "open"))
        .compose(late -> store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, c.id(), now, now.plusSeconds(60), null, "open"))
            .compose(soon -> store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, c.id(), now, now.plusSeconds(600), null, "open"))
                .map(mid -> List.of(late, soon, mid))))
        .compose(three -> store.updateCaseStatus(three.get(2).id(), "closed", null, now)
            .compose(x -> store.openCases(1000))
            .compose(open -> store.casesOfConversation(c.id()).map(all -> {
              ctx.verify(() -> {
                List<String> mine = open.stream().map(CaseRecord::id).filter(id -> three.stream().anyMatch(t -> t.id().equals(id))).toList();
                assertEquals(List.of(three.get(1).id(), three.get(0).id()), mine);
                assertEquals(3, all.size());
              });
              return null;
            })))
        .compose(x -> store.updateCaseStatus("F-999999", "closed", null, now))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertInstanceOf(CaseNotFoundException.class, e);
          ctx.completeNow();
        })));
  }

  @Test
  void casesOfACustomerSpanConversations(VertxTestContext ctx) {
    Conversation first = newConversation();
    Conversation second = newConversation();
    String customer = "cust-" + java.util.UUID.randomUUID();
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    io.vertx.core.json.JsonObject mine = new io.vertx.core.json.JsonObject().put(CaseRecord.CUSTOMER_REF, customer);
    store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, first.id(), now, null, mine, "open"))
        .compose(a -> store.createCase(new CaseRecord.Draft(CaseKind.COMPLAINT, second.id(), now.plusSeconds(5), null, mine, "open"))
            .compose(b -> store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, second.id(), now, null, null, "open"))
                .compose(anonymous -> store.casesOfCustomer(customer))
                .map(found -> Map.entry(List.of(a.id(), b.id()), found))))
        .compose(r -> store.casesOfCustomer("nobody-" + customer).map(none -> {
          ctx.verify(() -> assertTrue(none.isEmpty()));
          return r;
        }))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertEquals(r.getKey(), r.getValue().stream().map(CaseRecord::id).toList());
          ctx.completeNow();
        })));
  }

  @Test
  void casesOutliveTheirConversation(Vertx vertx, VertxTestContext ctx) {
    Conversation c = newConversation();
    Instant now = Instant.now();
    track(newStore(vertx, Duration.ofSeconds(1), LONG)).compose(s -> s.create(c, List.of())
            .compose(x -> s.createCase(new CaseRecord.Draft(CaseKind.COMPLAINT, c.id(), now, null, null, "open")))
            .compose(rec -> Future.<Void>future(p -> vertx.setTimer(2100, id -> p.complete()))
                .compose(x -> s.load(c.id()))
                .compose(gone -> {
                  ctx.verify(() -> assertNull(gone));
                  return s.loadCase(rec.id());
                })))
        .onComplete(ctx.succeeding(rec -> ctx.verify(() -> {
          assertNotNull(rec);
          assertEquals("open", rec.status());
          ctx.completeNow();
        })));
  }

  @Test
  void concurrentAppendsGetDistinctSeqsWithoutGaps(VertxTestContext ctx) {
    Conversation c = newConversation();
    store.create(c, List.of(bot("hello")))
        .compose(x -> Future.all(IntStream.range(0, 100)
            .mapToObj(i -> store.appendInbound(c.id(), customer("m" + i), "k" + i)).toList()))
        .compose(x -> store.entries(c.id(), 0, 1000))
        .onComplete(ctx.succeeding(entries -> ctx.verify(() -> {
          assertEquals(101, entries.size());
          for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).seq());
          }
          ctx.completeNow();
        })));
  }

  /**
   * Two server processes (two Vert.x instances, each with its own service and, for Redis, its own
   * connection) take turns on one conversation at the same time; every turn increments a counter in
   * the conversation's state. No update may be lost and the transcript has no gaps.
   */
  @Test
  void twoInstancesWritingTurnsToOneConversationLoseNoUpdate(Vertx vertx, VertxTestContext ctx) {
    Vertx other = Vertx.vertx();
    int perInstance = 40;
    Conversation c = newConversation();
    Responder counting = new CountingResponder();
    List<ConversationStore> seconds = new ArrayList<>();
    sameDataOn(other, store).compose(second -> {
      seconds.add(second);
      ConversationService one = new ConversationService(vertx, store, counting, Clock.systemUTC());
      ConversationService two = new ConversationService(other, second, counting, Clock.systemUTC());
      return store.create(c, List.of()).compose(x -> {
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < perInstance; i++) {
          sent.add(one.receive(new InboundMessage(c.id(), "a" + i, null, "a" + i)));
          sent.add(two.receive(new InboundMessage(c.id(), "b" + i, null, "b" + i)));
        }
        return Future.all(sent);
      }).compose(x -> waitForCounter(vertx, c.id(), 2 * perInstance, 200));
    })
        .compose(state -> store.entries(c.id(), 0, 1000).map(entries -> Map.entry(state, entries)))
        .eventually(() -> seconds.isEmpty() || seconds.get(0) == store ? Future.succeededFuture() : seconds.get(0).close())
        .eventually(() -> other.close())
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertEquals(String.valueOf(2 * perInstance), r.getKey().slots().get("count"));
          List<TranscriptEntry> entries = r.getValue();
          assertEquals(4 * perInstance, entries.size());
          for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).seq());
          }
          assertEquals(2 * perInstance, entries.stream().filter(e -> e.from() == Author.CUSTOMER).count());
          ctx.completeNow();
        })));
  }

  private Future<Conversation> waitForCounter(Vertx vertx, String id, int expected, int triesLeft) {
    return store.load(id).compose(s -> {
      if (String.valueOf(expected).equals(s.slots().get("count")) || triesLeft == 0) {
        return Future.succeededFuture(s);
      }
      return Future.<Void>future(p -> vertx.setTimer(50, t -> p.complete()))
          .compose(x -> waitForCounter(vertx, id, expected, triesLeft - 1));
    });
  }

  /** Increments {@code count} in the state and replies with the count it saw. */
  static final class CountingResponder implements Responder {
    @Override
    public List<OutboundMessage> greet(Conversation conversation) {
      return List.of();
    }

    @Override
    public Future<Turn> respond(Conversation conversation, TranscriptEntry customerEntry) {
      int n = Integer.parseInt(conversation.slots().getOrDefault("count", "0")) + 1;
      Map<String, String> slots = new HashMap<>(conversation.slots());
      slots.put("count", String.valueOf(n));
      return Future.succeededFuture(new Turn(conversation.withFlow("counting", slots),
          List.of(OutboundMessage.bot("count " + n, List.of(), null))));
    }
  }
}
