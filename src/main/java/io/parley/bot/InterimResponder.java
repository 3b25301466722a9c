package io.parley.bot;

import io.parley.conversation.Conversation;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.QuickReply;
import io.parley.conversation.Responder;
import io.parley.conversation.TranscriptEntry;
import io.parley.faq.FaqAnswer;
import io.parley.faq.KnowledgeBase;
import io.parley.nlu.Classification;
import io.parley.nlu.IntentClassifier;
import io.parley.nlu.IntentIds;
import io.parley.nlu.Language;
import io.parley.nlu.LanguageDetector;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder until the dialogue engine replaces it in the same pipeline: a greeting with the main
 * menu for a new conversation; a question the language engine confidently recognises as a
 * {@code faq_*} intent gets its answer from the knowledge base, with the follow-up topics as quick
 * replies; greetings, thanks and goodbyes get a short reply; a message that fits no topic gets a
 * redirect that says the assistant gives no investment advice, with the main menu; a message with
 * two or three close candidates gets a clarifying question with them as quick replies; the second
 * such miss in a row offers a person (the handoff itself comes later); everything else (the
 * processes that need the dialogue engine) gets a fixed notice. Misses are logged for review. All texts come from
 * {@code intents/}. Every reply carries the recognised intent, and replies follow the script of the
 * customer's message when the locale is auto.
 */
public final class InterimResponder implements Responder {

  private final TextCatalog texts;
  private final KnowledgeBase knowledge;
  private final MainMenu menu;
  private final Supplier<IntentClassifier> classifier;
  private static final Logger LOG = LoggerFactory.getLogger(InterimResponder.class);
  private static final String MISSES = "misses";

  private final LanguageDetector languages = new LanguageDetector();

  /** @param classifier the intent classifier once it is loaded (null before) */
  public InterimResponder(TextCatalog texts, KnowledgeBase knowledge, MainMenu menu,
      Supplier<IntentClassifier> classifier) {
    this.texts = texts;
    this.knowledge = knowledge;
    this.menu = menu;
    this.classifier = classifier;
  }

  @Override
  public List<OutboundMessage> greet(Conversation conversation) {
    Language lang = replyLanguage(conversation, null);
    return List.of(OutboundMessage.bot(texts.text("greeting", lang), menu(lang), null));
  }

  @Override
  public Future<Turn> respond(Conversation conversation, TranscriptEntry customerEntry) {
    Language lang = replyLanguage(conversation, customerEntry.text());
    if (customerEntry.payload() != null && IntentIds.isIntent(customerEntry.payload())) {
      if (AGENT_REQUEST.equals(customerEntry.payload())) {
        return handoff(conversation, customerEntry, lang);
      }
      return turn(conversation, 0, reply(customerEntry.payload(), lang));
    }
    IntentClassifier c = classifier.get();
    if (c == null) {
      return turn(conversation, misses(conversation), reply(null, lang));
    }
    Classification result = c.classify(customerEntry.text());
    boolean unclear = result.isAmbiguous() && result.ambiguous().size() > 1;
    if (!result.outOfScope() && !unclear) {
      if (AGENT_REQUEST.equals(result.intent())) {
        return handoff(conversation, customerEntry, lang);
      }
      return turn(conversation, 0, reply(result.intent(), lang));
    }
    int misses = misses(conversation) + 1;
    LOG.info("conv={} seq={} miss {} in a row: {} {}", conversation.id(), customerEntry.seq(), misses,
        unclear ? "ambiguous" : "out_of_scope", unclear ? result.ambiguous() : "");
    OutboundMessage reply;
    if (misses >= 2) {
      List<QuickReply> options = new ArrayList<>();
      options.add(new QuickReply(texts.text("label.agent_request", lang), "agent_request"));
      menu(lang).stream().filter(q -> !q.payload().equals("agent_request")).forEach(options::add);
      reply = OutboundMessage.bot(texts.text("reply.offer_human", lang), options, result.intent());
    } else if (unclear) {
      List<QuickReply> candidates = result.ambiguous().stream()
          .map(id -> new QuickReply(texts.text("label." + id, lang), id)).toList();
      reply = OutboundMessage.bot(texts.text("reply.clarify", lang), candidates, result.intent());
    } else {
      reply = reply(IntentIds.OUT_OF_SCOPE, lang);
    }
    return turn(conversation, misses, reply);
  }

  // HANDOFF-BRANCH HOOK (to reconcile with the dialogue engine at merge): a request for a person
  // hands the conversation over, as the engine will: status WAITING, a short reply, and a
  // HandoffRequest with no team (routed by intent from config/teams.yaml) and priority 0 (by config).
  private static final String AGENT_REQUEST = "agent_request";

  private Future<Turn> handoff(Conversation c, TranscriptEntry customerEntry, Language lang) {
    return Future.succeededFuture(new Turn(c.withStatus(io.parley.conversation.ConversationStatus.WAITING),
        List.of(OutboundMessage.bot(texts.text("reply.agent_request", lang), List.of(), AGENT_REQUEST)),
        new io.parley.conversation.HandoffRequest(null, 0, AGENT_REQUEST, customerEntry.text(), null)));
  }

  /** Misses in a row (out of scope or unclear) so far, kept in the conversation's slots. */
  private static int misses(Conversation c) {
    return Integer.parseInt(c.slots().getOrDefault(MISSES, "0"));
  }

  /** The reply, and the conversation with its miss count when that changes (no write otherwise). */
  private static Future<Turn> turn(Conversation c, int misses, OutboundMessage reply) {
    if (misses == misses(c)) {
      return Future.succeededFuture(new Turn(null, List.of(reply)));
    }
    Map<String, String> slots = new HashMap<>(c.slots());
    if (misses == 0) {
      slots.remove(MISSES);
    } else {
      slots.put(MISSES, String.valueOf(misses));
    }
    return Future.succeededFuture(new Turn(c.withFlow(c.flow(), slots), List.of(reply)));
  }

  private OutboundMessage reply(String intent, Language lang) {
    if (intent == null) {
      return OutboundMessage.bot(texts.text("notice", lang), List.of(), null);
    }
    var answer = knowledge.answer(intent);
    if (answer.isPresent()) {
      return OutboundMessage.bot(answer.get().text(lang), followUps(answer.get(), lang), intent);
    }
    return switch (intent) {
      case "greeting" -> OutboundMessage.bot(texts.text("reply.greeting", lang), menu(lang), intent);
      case "thanks", "goodbye" -> OutboundMessage.bot(texts.text("reply." + intent, lang), List.of(), intent);
      case IntentIds.OUT_OF_SCOPE -> OutboundMessage.bot(texts.text("reply.out_of_scope", lang), menu(lang), intent);
      default -> OutboundMessage.bot(texts.text("notice", lang), List.of(), intent);
    };
  }

  private List<QuickReply> menu(Language lang) {
    return menu.intents().stream().map(id -> new QuickReply(texts.text("label." + id, lang), id)).toList();
  }

  private List<QuickReply> followUps(FaqAnswer a, Language lang) {
    return a.followUps().stream().map(id -> new QuickReply(texts.text("label." + id, lang), id)).toList();
  }

  /**
   * The conversation's fixed locale, or for {@code auto} the script of the message (zh-Hans, zh-Hant
   * or en); a new conversation without a locale is greeted in Simplified Chinese.
   */
  private Language replyLanguage(Conversation c, String text) {
    var fixed = Language.fromTag(c.locale());
    if (fixed.isPresent()) {
      return fixed.get();
    }
    return text == null ? Language.ZH_HANS : languages.detect(text);
  }
}
