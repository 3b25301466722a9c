package io.parley.bot;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.cases.CaseDesk;
import io.parley.cases.CasePolicy;
import io.parley.config.MemoryConfig;
import io.parley.conversation.Author;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.HandoffRequest;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.QuickReply;
import io.parley.conversation.Responder;
import io.parley.conversation.ResumeTokens;
import io.parley.conversation.TranscriptEntry;
import io.parley.faq.KnowledgeBase;
import io.parley.flow.ComplaintCategories;
import io.parley.flow.ComplaintFlow;
import io.parley.flow.DemoOneTimeCodeVerifier;
import io.parley.flow.FollowUpFlow;
import io.parley.flow.InfoUpdateFlow;
import io.parley.flow.TradeInstructionFlow;
import io.parley.flow.TradeProblemFlow;
import io.parley.flow.VerificationFlow;
import io.parley.nlu.Classification;
import io.parley.nlu.IntentClassifier;
import io.parley.nlu.Language;
import io.parley.nlu.entity.EntityExtractor;
import io.parley.store.CaseKind;
import io.parley.store.CaseRecord;
import io.parley.store.MemoryConversationStore;
import io.parley.testing.MutableClock;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's decisions turn by turn, with a classifier that answers what each test says (so the
 * decisions, not the model, are under test; ScriptedConversationsTest drives the real model), the
 * real entity extractor, and cases in the memory store.
 */
class DialogueEngineTest {

  private static final Path INTENTS = Path.of("intents");
  private static final TextCatalog TEXTS = TextCatalog.load(INTENTS);
  private static final KnowledgeBase KB = KnowledgeBase.load(INTENTS);
  private static final EntityExtractor ENTITIES = EntityExtractor.loadDefault();
  private static final Pattern CASE = Pattern.compile("[CFTU]-\\d{6}");

  private static final Map<String, Classification> RESULTS = new HashMap<>();

  private static void known(String text, String intent) {
    RESULTS.put(text, new Classification(intent, 0.95, List.of(), List.of()));
  }

  static {
    known("weather?", "out_of_scope");
    known("which stock will rise?", "out_of_scope");
    known("fees?", "faq_fees");
    known("bye", "goodbye");
    known("yes", "affirm");
    known("no", "deny");
    known("buy 600519", "trade_instruction");
    known("I want to buy shares", "trade_instruction");
    known("I want to complain", "complaint");
    known("my order", "order_status");
    known("progress?", "progress_query");
    known("agent please", "agent_request");
    known("I need to change my phone number", "info_update");
    known("app froze when I sold 00700 this morning", "trade_problem");
    RESULTS.put("costs?", new Classification("faq_fees", 0.45, List.of("faq_fees", "faq_margin"), List.of()));
  }

  private static final IntentClassifier FIXED =
      text -> RESULTS.getOrDefault(text, new Classification("out_of_scope", 0.5, List.of(), List.of()));

  private static Vertx vertx;
  private static MemoryConversationStore store;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
  private final List<String> missed = new ArrayList<>();
  private DialogueEngine engine;
  private long seq = 1;

  @BeforeAll
  static void startStore() {
    vertx = Vertx.vertx();
    store = new MemoryConversationStore(vertx, java.time.Clock.systemUTC(), Duration.ofDays(7), Duration.ofDays(1),
        new MemoryConfig(null, Duration.ofSeconds(30)));
    await(store.start());
  }

  @AfterAll
  static void stop() {
    await(store.close());
    await(vertx.close());
  }

  DialogueEngineTest() {
    CaseDesk desk = new CaseDesk(store, CasePolicy.loadDefault(io.parley.config.YamlFiles.holidays(Path.of("config", "holidays.yaml"))));
    ComplaintCategories categories = text -> new ComplaintCategories.Guess(
        text.contains("charged") ? "fees" : "other", 0.9);
    engine = new DialogueEngine(TEXTS, KB, MainMenu.load(INTENTS), EngineVocabulary.load(INTENTS), () -> FIXED,
        ENTITIES, List.of(new TradeInstructionFlow(desk, ENTITIES.instruments()), new TradeProblemFlow(),
            new ComplaintFlow(desk, categories), new FollowUpFlow(desk), new InfoUpdateFlow(desk),
            new VerificationFlow(new DemoOneTimeCodeVerifier(TEXTS, Duration.ofMinutes(5)))),
        desk, clock, Duration.ofMinutes(30), (c, s, reason, text, lang, n) -> missed.add(reason + ":" + text));
  }

  /** A conversation in the store (so cases can point at it) with its locale fixed to {@code locale}. */
  private Conversation conversation(String locale) {
    Conversation c = Conversation.open(ResumeTokens.newId(), "webchat", locale, null, false, clock.instant(), "x");
    return await(store.create(c, List.of()));
  }

  /** One customer turn; the state after it (the old one when nothing changed). */
  private final class Chat {
    Conversation state;
    Responder.Turn last;

    Chat(Conversation c) {
      state = c;
    }

    Chat say(String text) {
      return send(TranscriptEntry.customer(text, null, "k" + seq, clock.instant()));
    }

    Chat press(String title, String payload) {
      return send(TranscriptEntry.customer(title, payload, "k" + seq, clock.instant()));
    }

    private Chat send(TranscriptEntry e) {
      last = await(engine.respond(state, e.withSeq(++seq)));
      if (last.next() != null) {
        state = last.next();
      }
      return this;
    }

    String text() {
      return String.join("\n", last.replies().stream().map(OutboundMessage::text).toList());
    }

    OutboundMessage reply(int i) {
      return last.replies().get(i);
    }

    List<String> payloads() {
      return last.replies().get(last.replies().size() - 1).quickReplies().stream().map(QuickReply::payload).toList();
    }
  }

  @Test
  void theSecondMissInARowOffersAPersonOrAFollowUpAndAnAnswerResetsTheCount() {
    Chat chat = new Chat(conversation("en"));
    chat.say("weather?");
    assertEquals(TEXTS.text("reply.out_of_scope", Language.EN), chat.text());
    assertEquals("out_of_scope", chat.reply(0).intent());
    chat.say("which stock will rise?");
    assertEquals(TEXTS.text("reply.offer_human", Language.EN), chat.text());
    assertEquals(List.of("agent_request", "followup_request"), chat.payloads().subList(0, 2));
    assertEquals(List.of("out_of_scope:weather?", "out_of_scope:which stock will rise?"), missed);
    chat.say("fees?");
    assertEquals(KB.answer("faq_fees").orElseThrow().text(Language.EN), chat.text());
    assertNull(chat.state.slots().get("misses"));
  }

  @Test
  void investmentAdviceIsRefusedSayingTheAssistantGivesNone() {
    Chat chat = new Chat(conversation("en")).say("which stock will rise?");
    assertTrue(chat.text().contains("can't give investment advice"), chat.text());
  }

  @Test
  void closeCandidatesGetAClarifyingQuestionWithThemAsQuickReplies() {
    Chat chat = new Chat(conversation("en")).say("costs?");
    assertEquals(TEXTS.text("reply.clarify", Language.EN), chat.text());
    assertEquals(List.of("faq_fees", "faq_margin"), chat.payloads());
    assertEquals(List.of("ambiguous:costs?"), missed);
  }

  @Test
  void aTradeInstructionAsksOnlyForWhatIsMissingReadsBackCorrectionsAndHandsOffOnYes() {
    Chat chat = new Chat(conversation("en")).say("buy 600519");
    assertEquals(TEXTS.text("trade.ask_qty", Language.EN), chat.text());
    chat.say("200 shares");
    assertEquals(TEXTS.text("trade.ask_price", Language.EN), chat.text());
    assertTrue(chat.payloads().contains("price:market"));
    chat.say("limit 1750.5");
    assertTrue(chat.text().contains("Buy Kweichow Moutai (600519), 200 shares, limit 1750.50 CNY"), chat.text());
    assertEquals(List.of("affirm", "deny", "cancel"), chat.payloads());
    chat.say("300 shares");
    assertTrue(chat.text().contains("300 shares, limit 1750.50 CNY"), "a correction is read back again: " + chat.text());
    assertNull(chat.last.handoff());
    chat.say("yes");
    HandoffRequest h = chat.last.handoff();
    assertNotNull(h);
    assertEquals(HandoffRequest.TRADING_DESK, h.team());
    assertEquals(HandoffRequest.PRIORITY_TRADE_INSTRUCTION, h.priority());
    assertEquals(ConversationStatus.WAITING, chat.state.status());
    assertNull(chat.state.flow());
    assertTrue(chat.text().contains("not an order yet"), chat.text());
    assertFalse(chat.text().toLowerCase().contains("executed"));
    CaseRecord rec = await(store.loadCase(h.caseId()));
    assertEquals(CaseKind.TRADE_INSTRUCTION, rec.kind());
    assertEquals("Buy Kweichow Moutai (600519), 300 shares, limit 1750.50 CNY", rec.data().getString("readBack"));
    assertEquals(300L, rec.data().getLong("quantityShares"));
    assertEquals(seq, rec.data().getLong("confirmationSeq"));
    assertFalse(rec.data().getBoolean("customerVerified"));
    assertTrue(chat.text().contains(TEXTS.text("trade.unverified", Language.EN)));
  }

  @Test
  void aTradeInstructionInChineseReadsBackInTheContractsShape() {
    Chat chat = new Chat(conversation("zh-Hans"));
    RESULTS.put("买入贵州茅台200股限价1750.50", new Classification("trade_instruction", 0.9, List.of(), List.of()));
    chat.say("买入贵州茅台200股限价1750.50");
    assertTrue(chat.text().contains("买入 贵州茅台(600519) 200股 限价1750.50元"), chat.text());
  }

  @Test
  void aBuyOfAnOddLotIsRefusedAndTheQuantityAskedAgain() {
    Chat chat = new Chat(conversation("en")).say("buy 600519").say("150 shares");
    assertTrue(chat.text().startsWith(TEXTS.text("trade.quantity_board_lot_a", Language.EN)), chat.text());
    assertTrue(chat.text().endsWith(TEXTS.text("trade.ask_qty", Language.EN)));
  }

  @Test
  void cancelEndsAnyFlowWithoutAHandoff() {
    Chat chat = new Chat(conversation("en")).say("buy 600519").say("Cancel");
    assertNull(chat.state.flow());
    assertEquals(TEXTS.text("flow.cancelled", Language.EN), chat.text());
    assertNull(chat.last.handoff());
    Chat zh = new Chat(conversation("zh-Hans")).say("I want to complain").say("算了");
    assertNull(zh.state.flow());
    Chat button = new Chat(conversation("en")).say("buy 600519").press("Cancel", "cancel");
    assertNull(button.state.flow());
  }

  @Test
  void aQuestionInTheMiddleOfAFlowIsAnsweredAndTheFlowAsksAgain() {
    Chat chat = new Chat(conversation("en")).say("buy 600519").say("fees?");
    assertEquals(KB.answer("faq_fees").orElseThrow().text(Language.EN), chat.reply(0).text());
    assertTrue(chat.reply(1).text().startsWith(TEXTS.text("flow.resume", Language.EN)));
    assertTrue(chat.reply(1).text().endsWith(TEXTS.text("trade.ask_qty", Language.EN)));
    assertEquals(TradeInstructionFlow.ID, chat.state.flow());
    chat.say("200 shares");
    assertEquals(TEXTS.text("trade.ask_price", Language.EN), chat.text());
  }

  @Test
  void askingForAPersonHandsOffToTheTeamTheIntentRoutesTo() {
    Chat chat = new Chat(conversation("en")).say("agent please");
    assertEquals(ConversationStatus.WAITING, chat.state.status());
    assertEquals("agent_request", chat.last.handoff().intent());
    assertNull(chat.last.handoff().team(), "the handoff side routes by intent");
    assertEquals("agent_request", chat.reply(0).intent());
  }

  @Test
  void aTradeProblemAsksAtMostTwoQuestionsAndHandsOffUrgently() {
    Chat chat = new Chat(conversation("en")).say("app froze when I sold 00700 this morning");
    assertEquals(TEXTS.text("trade_problem.ask_when", Language.EN), chat.text(), "the first message said what failed");
    chat.say("9:45, still open");
    assertEquals(HandoffRequest.PRIORITY_TRADE_PROBLEM, chat.last.handoff().priority());
    assertEquals(HandoffRequest.TRADING_DESK, chat.last.handoff().team());
  }

  @Test
  void aComplaintBecomesACaseWithItsCategoryAndDueTimeAndGoesToTheComplaintsTeam() {
    Chat chat = new Chat(conversation("en")).say("I want to complain");
    assertEquals(TEXTS.text("complaint.ask_what", Language.EN), chat.text());
    chat.say("You charged me twice for one trade");
    assertEquals(TEXTS.text("complaint.ask_when", Language.EN), chat.text());
    chat.say("last Friday");
    HandoffRequest h = chat.last.handoff();
    assertEquals(HandoffRequest.COMPLAINTS, h.team());
    CaseRecord rec = await(store.loadCase(h.caseId()));
    assertEquals(CaseKind.COMPLAINT, rec.kind());
    assertEquals("fees", rec.data().getString("category"));
    assertEquals("You charged me twice for one trade", rec.data().getString("text"));
    // Tuesday 10:00 Beijing time + 16 working hours (09:00-18:00): 8 on Tuesday, 8 on Wednesday.
    assertEquals(Instant.parse("2026-12-02T09:00:00Z"), rec.dueAt());
    assertTrue(chat.text().contains(rec.id()) && chat.text().contains("2 Dec 17:00 Beijing time"), chat.text());
  }

  @Test
  void aFollowUpKeepsTheMissedQuestionAndTheProgressQueryFindsIt() {
    Chat chat = new Chat(conversation("en")).say("weather?").say("weather in Beijing tomorrow?");
    chat.press("Leave my question for a reply", "followup_request");
    Matcher m = CASE.matcher(chat.text());
    assertTrue(m.find(), chat.text());
    String id = m.group();
    CaseRecord rec = await(store.loadCase(id));
    assertEquals(CaseKind.FOLLOW_UP, rec.kind());
    assertEquals("weather in Beijing tomorrow?", rec.data().getString("question"));
    assertEquals(Instant.parse("2026-12-01T06:00:00Z"), rec.dueAt(), "4 working hours after 10:00 Beijing time");
    chat.say("progress?");
    assertTrue(chat.text().contains(id) && chat.text().contains("question awaiting an answer"), chat.text());
    assertEquals(List.of("verify"), chat.payloads(), "cases of other conversations need verification");
  }

  @Test
  void accountAnswersNeedAVerifiedIdentityWhichExpires() {
    Chat chat = new Chat(conversation("en")).say("my order");
    assertEquals(VerificationFlow.ID, chat.state.flow());
    chat.say("88001234");
    OutboundMessage code = chat.reply(0);
    assertEquals(Author.SYSTEM, code.from());
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(code.text());
    assertTrue(m.find(), code.text());
    assertFalse(chat.state.slots().values().stream().anyMatch(v -> v.contains(m.group(1)) && v.length() == 6),
        "the code itself is not kept");
    chat.say("000000".equals(m.group(1)) ? "111111" : "000000");
    assertEquals(TEXTS.text("verify.wrong_code", Language.EN), chat.text());
    chat.say(m.group(1));
    assertTrue(chat.state.verified());
    assertEquals("88001234", chat.state.customerRef());
    assertEquals("order_status", chat.last.handoff().intent(), "carries on with what was asked");

    Chat later = new Chat(chat.state.withStatus(ConversationStatus.BOT));
    later.say("progress?");
    assertEquals(List.of(), later.payloads(), "verified: no verify button");
    clock.advance(Duration.ofMinutes(31));
    later.say("progress?");
    assertEquals(VerificationFlow.ID, later.state.flow(), "verification expired");
  }

  @Test
  void aQuestionDuringVerificationIsAnsweredAndTheNumberAskedAgain() {
    Chat chat = new Chat(conversation("en")).say("my order").say("fees?");
    assertEquals(KB.answer("faq_fees").orElseThrow().text(Language.EN), chat.reply(0).text());
    assertTrue(chat.reply(1).text().endsWith(TEXTS.text("verify.ask_number", Language.EN)), chat.reply(1).text());
    assertEquals("order_status", chat.reply(1).intent());
    assertEquals(VerificationFlow.ID, chat.state.flow());
  }

  @Test
  void aVerifiedCustomerChangesAPhoneNumberThroughAUpdateCase() {
    Conversation signedIn = await(store.create(Conversation.open(ResumeTokens.newId(), "webchat", "en", "88001234",
        true, clock.instant(), "x"), List.of()));
    Chat chat = new Chat(signedIn).say("I need to change my phone number");
    assertEquals(TEXTS.text("info_update.ask_phone", Language.EN), chat.text(), "the detail was named");
    chat.say("it's 1380013");
    assertEquals(TEXTS.text("info_update.invalid_phone", Language.EN), chat.text());
    chat.say("13800138000");
    Matcher m = CASE.matcher(chat.text());
    assertTrue(m.find(), chat.text());
    CaseRecord rec = await(store.loadCase(m.group()));
    assertEquals(CaseKind.INFO_UPDATE, rec.kind());
    assertEquals("13800138000", rec.data().getString("newValue"));
    assertEquals("88001234", rec.data().getString(CaseRecord.CUSTOMER_REF));
    assertNull(chat.state.flow());
  }

  @Test
  void aLanguageSwitchFixesTheReplyLanguage() {
    Chat chat = new Chat(conversation("auto")).say("English please");
    assertEquals("en", chat.state.locale());
    assertEquals(TEXTS.text("flow.language_switched", Language.EN), chat.reply(0).text());
    Chat zh = new Chat(conversation("en")).say("請用繁體中文");
    assertEquals("zh-Hant", zh.state.locale());
  }

  @Test
  void aButtonPressIsTakenAsItsIntentInTheLanguageOfTheLastTypedMessage() {
    Chat chat = new Chat(conversation("auto")).say("weather?");
    chat.press("Margin", "faq_margin");
    assertEquals("faq_margin", chat.reply(0).intent());
    assertEquals(KB.answer("faq_margin").orElseThrow().text(Language.EN), chat.text());
  }
}
