package io.parley.handoff;

import static io.parley.testing.Await.await;
import static io.parley.testing.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.bot.TextCatalog;
import io.parley.config.MemoryConfig;
import io.parley.conversation.Addresses;
import io.parley.conversation.Author;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationEvents;
import io.parley.conversation.ConversationService;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.HandoffRequest;
import io.parley.conversation.InboundMessage;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.Responder;
import io.parley.conversation.TranscriptEntry;
import io.parley.ops.ParleyMetrics;
import io.parley.store.CaseKind;
import io.parley.store.CaseRecord;
import io.parley.store.HandoffRecord;
import io.parley.store.HandoffStore;
import io.parley.store.MemoryConversationStore;
import io.parley.store.MemoryHandoffStore;
import io.parley.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The handoff core on the embedded stores with a clock the test moves: routing and priority,
 * capacity, queue positions, out-of-hours queuing, trade results, cases, pick-up breaches and case
 * reminders, bot silence.
 */
@ExtendWith(VertxExtension.class)
class HandoffServiceTest {

  private static final TextCatalog TEXTS = TextCatalog.load(Path.of("intents"));
  private static final Teams TEAMS = Teams.load(Path.of("config/teams.yaml"), Path.of("config/holidays.yaml"));
  /** Tuesday 2026-12-01 10:00 in Shanghai: every team is open. */
  private static final Instant OPEN = Instant.parse("2026-12-01T02:00:00Z");

  private final MutableClock clock = new MutableClock(OPEN);
  private final AtomicInteger botTurns = new AtomicInteger();
  private MemoryConversationStore store;
  private MemoryHandoffStore handoffStore;
  private ConversationService conversations;
  private HandoffService handoffs;
  private ParleyMetrics metrics;

  private static final Actor LI = new Actor("li", "Li Na", false, Set.of("trading_desk", "general"), Set.of("en"), 1);
  private static final Actor WANG = new Actor("wang", "Wang Wei", false, Set.of("general"), Set.of("en"), 3);
  private static final Actor ZHAO = new Actor("zhao", "Zhao", false, Set.of("complaints"), Set.of("en"), 3);
  private static final Actor BOSS = new Actor("boss", "Boss", true, Set.of(), Set.of("en"), 5);

  private void setUp(Vertx vertx, boolean alwaysOpen) {
    store = new MemoryConversationStore(vertx, Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1),
        new MemoryConfig(null, Duration.ofSeconds(30)));
    handoffStore = new MemoryHandoffStore(Clock.systemUTC(), Duration.ofHours(1));
    Responder bot = new Responder() {
      @Override
      public List<OutboundMessage> greet(Conversation c) {
        return List.of(OutboundMessage.bot("hi", List.of(), null));
      }

      @Override
      public Future<Turn> respond(Conversation c, TranscriptEntry e) {
        botTurns.incrementAndGet();
        return Future.succeededFuture(new Turn(null, List.of(OutboundMessage.bot("bot answer", List.of(), "greeting"))));
      }
    };
    conversations = new ConversationService(vertx, store, bot, Clock.systemUTC());
    metrics = ParleyMetrics.standalone();
    handoffs = new HandoffService(vertx, conversations, store, handoffStore, TEAMS, new BusinessHours(TEAMS, alwaysOpen),
        new HandoffTexts(TEXTS), clock);
    handoffs.metrics(metrics);
    conversations.handoffs(handoffs);
  }

  /** A conversation in {@code locale} that the bot handed over with {@code request}. */
  private String handOff(String locale, HandoffRequest request) {
    Conversation c = await(conversations.open("webchat", locale, null, false)).conversation();
    var committed = await(store.commit(c.id(), c.version(), c.withStatus(ConversationStatus.WAITING), List.of()));
    await(handoffs.requested(committed.conversation(), request));
    return c.id();
  }

  private String handOff(String intent) {
    return handOff("en", new HandoffRequest(null, 0, intent, "summary of " + intent, null));
  }

  private List<JsonObject> frames(Vertx vertx, String conversationId) {
    List<JsonObject> out = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.conversation(conversationId), m -> {
      if (ConversationEvents.FRAME.equals(m.body().getString(ConversationEvents.TYPE))) {
        out.add(m.body().getJsonObject(ConversationEvents.FRAME));
      }
    });
    return out;
  }

  private static void eventually(Runnable check) {
    long deadline = System.currentTimeMillis() + 5000;
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private List<TranscriptEntry> transcript(String id) {
    return await(store.entries(id, 0, 100));
  }

  @Test
  void routesByIntentAndOrdersByPriorityThenWaitingTime(Vertx vertx) {
    setUp(vertx, true);
    String chat = handOff("agent_request");
    clock.advance(Duration.ofSeconds(1));
    String instruction = handOff("trade_instruction");
    clock.advance(Duration.ofSeconds(1));
    String complaint = handOff("complaint");
    clock.advance(Duration.ofSeconds(1));
    String problem = handOff("trade_problem");
    clock.advance(Duration.ofSeconds(1));
    String problem2 = handOff("trade_problem");
    String account = handOff("account_open");
    String unknown = handOff("something_new");
    String explicit = handOff("en", new HandoffRequest("complaints", 25, "agent_request", "angry", null));

    assertEquals("general", await(handoffStore.handoff(chat)).team());
    assertEquals("trading_desk", await(handoffStore.handoff(instruction)).team());
    assertEquals("complaints", await(handoffStore.handoff(complaint)).team());
    assertEquals("account_services", await(handoffStore.handoff(account)).team());
    assertEquals("general", await(handoffStore.handoff(unknown)).team());
    assertEquals("complaints", await(handoffStore.handoff(explicit)).team());
    assertEquals(25, await(handoffStore.handoff(explicit)).priority());

    // a supervisor sees every team, highest priority first, then the longest wait
    JsonArray queue = await(handoffs.queue(BOSS));
    List<String> order = queue.stream().map(o -> ((JsonObject) o).getString("conversationId")).toList();
    assertEquals(List.of(problem, problem2, instruction, explicit, complaint), order.subList(0, 5));
    assertEquals(List.of(40, 40, 30, 25, 20), queue.stream().limit(5).map(o -> ((JsonObject) o).getInteger("priority")).toList());
    // an agent sees only their teams
    List<String> teams = await(handoffs.queue(LI)).stream().map(o -> ((JsonObject) o).getString("team")).distinct().toList();
    assertEquals(Set.of("trading_desk", "general"), Set.copyOf(teams));
  }

  @Test
  void queuedCustomersHearTheirPositionAndItMovesWhenOthersAreClaimed(Vertx vertx) {
    setUp(vertx, true);
    String first = handOff("agent_request");
    clock.advance(Duration.ofSeconds(5));
    String second = handOff("agent_request");
    List<JsonObject> secondFrames = frames(vertx, second);
    eventually(() -> assertTrue(transcript(second).stream().anyMatch(e -> e.from() == Author.SYSTEM
        && e.text().contains("position 2")), "notice with position 2"));
    assertEquals(2, await(handoffs.currentFrame(second)).getInteger("position"));

    await(handoffs.claim(WANG, first));
    eventually(() -> assertTrue(secondFrames.stream().anyMatch(f -> "queued".equals(f.getString("status"))
        && f.getInteger("position") == 1), "moved to position 1: " + secondFrames));
    JsonObject assigned = await(handoffs.currentFrame(first));
    assertEquals("assigned", assigned.getString("status"));
    assertEquals("Wang Wei", assigned.getString("agentName"));
    assertEquals(ConversationStatus.WITH_AGENT, await(store.load(first)).status());
  }

  @Test
  void capacityLimitsHowManyConversationsAnAgentHolds(Vertx vertx) {
    setUp(vertx, true);
    String a = handOff("agent_request");
    String b = handOff("agent_request");
    await(handoffs.claim(LI, a));
    await(handoffs.claim(LI, a));
    HandoffException full = (HandoffException) failure(handoffs.claim(LI, b));
    assertEquals(409, full.status());
    assertEquals("at_capacity", full.code());
    HandoffException taken = (HandoffException) failure(handoffs.claim(WANG, a));
    assertEquals(409, taken.status());
    HandoffException notTeam = (HandoffException) failure(handoffs.claim(ZHAO, b));
    assertEquals(403, notTeam.status());
    await(handoffs.resolve(LI, a, "done"));
    assertEquals("li", await(handoffs.claim(LI, b)).agent());
    assertEquals(409, ((HandoffException) failure(handoffs.claim(LI, a))).status(), "a resolved one is not waiting");
  }

  @Test
  void outOfHoursTheHandoffIsStillQueuedAndTheCustomerLearnsWhenTheTeamOpens(Vertx vertx) {
    setUp(vertx, false);
    // Saturday 2026-12-05 10:00 Shanghai: the trading desk opens on Monday at 09:15 (01:15 UTC)
    clock.set(Instant.parse("2026-12-05T02:00:00Z"));
    String id = handOff("en", new HandoffRequest(null, 0, "trade_problem", "order stuck", null));
    JsonObject frame = await(handoffs.currentFrame(id));
    assertEquals("queued", frame.getString("status"));
    assertEquals("trading_desk", frame.getString("team"));
    assertEquals(1, frame.getInteger("position"));
    assertEquals("2026-12-07T01:15:00Z", frame.getString("opensAt"));
    eventually(() -> assertTrue(transcript(id).stream().anyMatch(e -> e.from() == Author.SYSTEM
        && e.text().contains("2026-12-07 09:15")), "notice names the opening time: " + transcript(id)));
    assertEquals(1, await(handoffStore.waiting("trading_desk")).size());

    String zh = handOff("zh-Hans", new HandoffRequest(null, 0, "trade_problem", "下单失败", null));
    eventually(() -> assertTrue(transcript(zh).stream().anyMatch(e -> e.from() == Author.SYSTEM
        && e.text().contains("不在服务时间") && e.text().contains("2026-12-07 09:15"))));
  }

  @Test
  void tradeResultConfirmsTheReferenceInTheCustomersLanguageAndClosesTheTradeCase(Vertx vertx) {
    setUp(vertx, true);
    String none = handOff("zh-Hant", new HandoffRequest(null, 0, "trade_instruction", "買入", null));
    await(handoffs.claim(LI, none));
    HandoffException missing = (HandoffException) failure(handoffs.tradeResult(LI, none, "executed", "R-1", null));
    assertEquals(409, missing.status());
    assertEquals("no_trade_instruction", missing.code());

    Conversation c = await(conversations.open("webchat", "zh-Hant", null, false)).conversation();
    CaseRecord t = await(store.createCase(new CaseRecord.Draft(CaseKind.TRADE_INSTRUCTION, c.id(), OPEN, null,
        new JsonObject().put("side", "buy"), "confirmed")));
    await(store.commit(c.id(), 0, c.withStatus(ConversationStatus.WAITING), List.of()));
    await(handoffs.requested(await(store.load(c.id())),
        new HandoffRequest(null, 0, "trade_instruction", "買入 00700", t.id())));
    await(handoffs.resolve(LI, none, "x"));
    await(handoffs.claim(LI, c.id()));
    assertEquals(403, ((HandoffException) failure(handoffs.tradeResult(WANG, c.id(), "executed", "R-1", null))).status());
    assertEquals(400, ((HandoffException) failure(handoffs.tradeResult(LI, c.id(), "done", "R-1", null))).status());

    CaseRecord done = await(handoffs.tradeResult(LI, c.id(), "executed", "HK-20261201-0042", "200 股 @ 385.2"));
    assertEquals("executed", done.status());
    assertFalse(done.open());
    assertTrue(done.history().stream().anyMatch(h -> h.note() != null && h.note().contains("HK-20261201-0042")
        && h.note().contains("agent=li")));
    eventually(() -> assertTrue(transcript(c.id()).stream().anyMatch(e -> e.from() == Author.SYSTEM
        && e.text().contains("HK-20261201-0042") && e.text().contains("已成交") && e.text().contains(t.id()))));
    assertTrue(await(store.openCases(100)).stream().noneMatch(x -> x.id().equals(t.id())));
    List<String> audit = await(handoffStore.auditTrail(c.id())).stream().map(j -> j.getString("action")).toList();
    assertEquals(List.of("claim", "trade_result"), audit);
    // the claim is also in the case's history, with the agent
    CaseRecord reloaded = await(store.loadCase(t.id()));
    assertTrue(reloaded.history().stream().anyMatch(h -> h.note() != null && h.note().startsWith("agent=li claim")));
  }

  @Test
  void openCasesOfTheCallersTeamsAndResolvingOneTellsTheCustomer(Vertx vertx) {
    setUp(vertx, true);
    Conversation c = await(conversations.open("webchat", "en", null, false)).conversation();
    CaseRecord complaint = await(store.createCase(new CaseRecord.Draft(CaseKind.COMPLAINT, c.id(), OPEN,
        OPEN.plusSeconds(3600), new JsonObject(), "open")));
    CaseRecord followUp = await(store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, c.id(), OPEN,
        OPEN.plusSeconds(7200), new JsonObject(), "open")));
    CaseRecord orphan = await(store.createCase(new CaseRecord.Draft(CaseKind.COMPLAINT, "gone-conversation-id", OPEN,
        OPEN.plusSeconds(60), new JsonObject(), "open")));

    List<String> zhaos = await(handoffs.openCases(ZHAO)).stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertEquals(List.of(orphan.id(), complaint.id()), zhaos);
    List<String> wangs = await(handoffs.openCases(WANG)).stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertEquals(List.of(followUp.id()), wangs);
    assertEquals(403, ((HandoffException) failure(handoffs.resolveCase(WANG, complaint.id(), "x"))).status());

    JsonObject r = await(handoffs.resolveCase(ZHAO, complaint.id(), "We refunded the fee."));
    assertTrue(r.getBoolean("customerNotified"));
    assertEquals("resolved", r.getJsonObject("case").getString("status"));
    eventually(() -> assertTrue(transcript(c.id()).stream().anyMatch(e -> e.from() == Author.SYSTEM
        && e.text().contains(complaint.id()) && e.text().contains("We refunded the fee."))));
    assertEquals(409, ((HandoffException) failure(handoffs.resolveCase(ZHAO, complaint.id(), "again"))).status());

    JsonObject unreachable = await(handoffs.resolveCase(ZHAO, orphan.id(), "Closed by phone."));
    assertFalse(unreachable.getBoolean("customerNotified"));
    assertTrue(unreachable.getString("message").contains("not reachable"));
    assertEquals("resolved", await(store.loadCase(orphan.id())).status());
  }

  @Test
  void pickupBreachesAndCaseRemindersAreRaisedOnceWhenTheClockPassesTheirDueTime(Vertx vertx) {
    setUp(vertx, true);
    List<JsonObject> alerts = new CopyOnWriteArrayList<>();
    List<JsonObject> reminders = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.SUPERVISOR_ALERTS, m -> alerts.add(m.body()));
    vertx.eventBus().<JsonObject>consumer(Addresses.CASE_DUE, m -> reminders.add(m.body()));
    DueTimeSweep sweep = new DueTimeSweep(vertx, handoffStore, store, metrics, clock, Duration.ofSeconds(5));

    String late = handOff("agent_request");             // general: 120 s target
    String claimed = handOff("agent_request");
    String problem = handOff("trade_problem");           // trading desk: 60 s target
    await(handoffs.claim(WANG, claimed));
    Conversation c = await(conversations.open("webchat", "en", null, false)).conversation();
    CaseRecord due = await(store.createCase(new CaseRecord.Draft(CaseKind.FOLLOW_UP, c.id(), OPEN,
        OPEN.plusSeconds(90), new JsonObject(), "open")));

    await(sweep.sweep());
    assertTrue(alerts.isEmpty());
    clock.advance(Duration.ofSeconds(61));
    await(sweep.sweep());
    eventually(() -> assertEquals(List.of(problem), alerts.stream().map(a -> a.getString("conversationId")).toList()));
    assertEquals("trading_desk", alerts.get(0).getString("team"));
    assertEquals("breach", alerts.get(0).getString("type"));
    clock.advance(Duration.ofSeconds(60));
    await(sweep.sweep());
    await(sweep.sweep());
    eventually(() -> assertEquals(List.of(problem, late), alerts.stream().map(a -> a.getString("conversationId")).toList()));
    eventually(() -> assertEquals(List.of(due.id()), reminders.stream().map(a -> a.getString("caseId")).toList()));
    String scrape = metrics.scrape();
    assertTrue(scrape.contains("parley_handoff_pickup_breaches_total{team=\"trading_desk\"} 1.0"), scrape);
    assertTrue(scrape.contains("parley_handoff_pickup_breaches_total{team=\"general\"} 1.0"), scrape);
    assertTrue(scrape.contains("parley_case_due_reminders_total{kind=\"F\"} 1.0"), scrape);
    // the breached handoff still waits and can be claimed
    assertEquals("wang", await(handoffs.claim(WANG, late)).agent());
    JsonObject stats = await(handoffs.queueStats());
    assertEquals(1, stats.getJsonObject("trading_desk").getInteger("waiting"));
    assertEquals(1, stats.getJsonObject("trading_desk").getLong("breaches"));
  }

  @Test
  void theBotStaysSilentWhileWaitingAndWithAnAgentAndAnswersAgainAfterResolve(Vertx vertx) {
    setUp(vertx, true);
    String id = handOff("agent_request");
    await(conversations.receive(new InboundMessage(id, "hello?", null, "w1")));
    await(handoffs.claim(WANG, id));
    await(conversations.receive(new InboundMessage(id, "still there?", null, "w2")));
    await(handoffs.message(WANG, id, "Yes, I am here."));
    assertEquals(403, ((HandoffException) failure(handoffs.message(LI, id, "not mine"))).status());
    eventually(() -> assertTrue(transcript(id).stream().anyMatch(e -> e.from() == Author.AGENT)));
    assertEquals(0, botTurns.get(), "no bot turn while a person owns the conversation");
    await(handoffs.resolve(WANG, id, "answered"));
    assertEquals(ConversationStatus.BOT, await(store.load(id)).status());
    await(conversations.receive(new InboundMessage(id, "thanks", null, "w3")));
    eventually(() -> assertEquals(1, botTurns.get()));
    TranscriptEntry agentEntry = transcript(id).stream().filter(e -> e.from() == Author.AGENT).findFirst().orElseThrow();
    assertEquals("Wang Wei", agentEntry.agentName());
    assertTrue(transcript(id).stream().anyMatch(e -> e.from() == Author.BOT && e.text().contains("automated assistant")),
        "greeted back by the bot");
  }

  @Test
  void whenTheQueueCannotBeWrittenTheBotTakesTheConversationBack(Vertx vertx) {
    setUp(vertx, true);
    HandoffStore failing = (HandoffStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HandoffStore.class}, (proxy, method, args) -> method.getName().equals("enqueue")
            ? Future.failedFuture(new io.parley.store.StoreUnavailableException("down"))
            : method.invoke(handoffStore, args));
    handoffs = new HandoffService(vertx, conversations, store, failing, TEAMS, new BusinessHours(TEAMS, true),
        new HandoffTexts(TEXTS), clock);
    Conversation c = await(conversations.open("webchat", "en", null, false)).conversation();
    var committed = await(store.commit(c.id(), c.version(), c.withStatus(ConversationStatus.WAITING), List.of()));
    failure(handoffs.requested(committed.conversation(), new HandoffRequest(null, 0, "agent_request", "x", null)));
    eventually(() -> assertEquals(ConversationStatus.BOT, await(store.load(c.id())).status()));
    assertTrue(transcript(c.id()).stream().anyMatch(e -> e.from() == Author.SYSTEM && e.text().contains("couldn't connect")));
  }
}
