package io.parley.bot;

import static io.parley.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.conversation.Conversation;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.QuickReply;
import io.parley.conversation.Responder;
import io.parley.conversation.ResumeTokens;
import io.parley.conversation.TranscriptEntry;
import io.parley.faq.KnowledgeBase;
import io.parley.nlu.Classification;
import io.parley.nlu.IntentClassifier;
import io.parley.nlu.Language;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interim responder's decisions, with a classifier that answers what each test says. */
class InterimResponderTest {

  private static final Path INTENTS = Path.of("intents");
  private static final TextCatalog TEXTS = TextCatalog.load(INTENTS);
  private static final KnowledgeBase KB = KnowledgeBase.load(INTENTS);

  private static final Map<String, Classification> RESULTS = Map.of(
      "weather?", new Classification("out_of_scope", 0.9, List.of(), List.of()),
      "tips?", new Classification("out_of_scope", 0.8, List.of(), List.of()),
      "fees?", new Classification("faq_fees", 0.95, List.of(), List.of()),
      "costs?", new Classification("faq_fees", 0.45, List.of("faq_fees", "faq_margin"), List.of()),
      "bye", new Classification("goodbye", 0.9, List.of(), List.of()));
  private static final IntentClassifier FIXED = RESULTS::get;

  private final InterimResponder responder = new InterimResponder(TEXTS, KB, MainMenu.load(INTENTS), () -> FIXED);

  private static Conversation conversation() {
    return Conversation.open(ResumeTokens.newId(), "webchat", "en", null, false, Instant.now(), "x");
  }

  private Responder.Turn say(Conversation c, String text) {
    return await(responder.respond(c, TranscriptEntry.customer(text, null, "k", Instant.now()).withSeq(2)));
  }

  @Test
  void theSecondMissInARowOffersAPersonAndAnAnswerResetsTheCount() {
    Conversation c = conversation();
    Responder.Turn first = say(c, "weather?");
    OutboundMessage redirect = first.replies().get(0);
    assertEquals(TEXTS.text("reply.out_of_scope", Language.EN), redirect.text());
    assertEquals("out_of_scope", redirect.intent());
    assertEquals("1", first.next().slots().get("misses"));

    Responder.Turn second = say(first.next(), "tips?");
    OutboundMessage offer = second.replies().get(0);
    assertEquals(TEXTS.text("reply.offer_human", Language.EN), offer.text());
    assertEquals(new QuickReply(TEXTS.text("label.agent_request", Language.EN), "agent_request"), offer.quickReplies().get(0));
    assertEquals("2", second.next().slots().get("misses"));

    Responder.Turn answered = say(second.next(), "fees?");
    assertEquals(KB.answer("faq_fees").orElseThrow().text(Language.EN), answered.replies().get(0).text());
    assertNull(answered.next().slots().get("misses"));

    assertNull(say(answered.next(), "bye").next(), "no miss before, none now: no state change");
  }

  @Test
  void closeCandidatesGetAClarifyingQuestionWithThemAsQuickReplies() {
    Responder.Turn t = say(conversation(), "costs?");
    OutboundMessage q = t.replies().get(0);
    assertEquals(TEXTS.text("reply.clarify", Language.EN), q.text());
    assertEquals(List.of("faq_fees", "faq_margin"), q.quickReplies().stream().map(QuickReply::payload).toList());
    assertEquals(TEXTS.text("label.faq_margin", Language.EN), q.quickReplies().get(1).title());
    assertEquals("1", t.next().slots().get("misses"));
  }

  @Test
  void aButtonPressIsTakenAsItsIntent() {
    Responder.Turn t = await(responder.respond(conversation(),
        TranscriptEntry.customer("Margin", "faq_margin", "k", Instant.now()).withSeq(2)));
    assertEquals("faq_margin", t.replies().get(0).intent());
    assertEquals(KB.answer("faq_margin").orElseThrow().text(Language.EN), t.replies().get(0).text());
  }
}
