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
import java.util.List;
import java.util.function.Supplier;

/**
 * The responder until the dialogue engine replaces it in the same pipeline: a greeting with the main
 * menu for a new conversation; a question the language engine confidently recognises as a
 * {@code faq_*} intent gets its answer from the knowledge base, with the follow-up topics as quick
 * replies; greetings, thanks and goodbyes get a short reply; a message that fits no topic gets a
 * redirect that says the assistant gives no investment advice, with the main menu; everything else
 * (the processes that need the dialogue engine) gets a fixed notice. All texts come from
 * {@code intents/}. Every reply carries the recognised intent, and replies follow the script of the
 * customer's message when the locale is auto.
 */
public final class InterimResponder implements Responder {

  private final TextCatalog texts;
  private final KnowledgeBase knowledge;
  private final MainMenu menu;
  private final Supplier<IntentClassifier> classifier;
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
    String intent = intentOf(customerEntry);
    return Future.succeededFuture(new Turn(null, List.of(reply(intent, lang))));
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

  /**
   * A button's payload when it names an intent; else what the engine recognises, when it is
   * confident (an ambiguous FAQ match is not answered: the clarifying question belongs to the
   * dialogue engine).
   */
  private String intentOf(TranscriptEntry e) {
    if (e.payload() != null && IntentIds.isIntent(e.payload())) {
      return e.payload();
    }
    IntentClassifier c = classifier.get();
    if (c == null) {
      return null;
    }
    Classification result = c.classify(e.text());
    return result.isAmbiguous() && knowledge.answer(result.intent()).isPresent() ? null : result.intent();
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
