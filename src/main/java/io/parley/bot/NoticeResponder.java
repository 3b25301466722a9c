package io.parley.bot;

import io.parley.conversation.Conversation;
import io.parley.nlu.IntentClassifier;
import io.parley.nlu.Language;
import io.parley.nlu.LanguageDetector;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.Responder;
import io.parley.conversation.TranscriptEntry;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/**
 * The foundation's responder, until the dialogue engine replaces it in the same pipeline: a greeting
 * for a new conversation and a fixed notice for every customer message, both from
 * {@code intents/texts}. The notice carries the intent the language engine recognised, so tools can
 * already check routing, and follows the script of the customer's message when the locale is auto.
 */
public final class NoticeResponder implements Responder {

  private final TextCatalog texts;
  private final Supplier<IntentClassifier> classifier;
  private final LanguageDetector languages = new LanguageDetector();

  /** @param classifier the intent classifier once it is loaded (null before) */
  public NoticeResponder(TextCatalog texts, Supplier<IntentClassifier> classifier) {
    this.texts = texts;
    this.classifier = classifier;
  }

  @Override
  public List<OutboundMessage> greet(Conversation conversation) {
    return List.of(OutboundMessage.bot(texts.text("greeting", replyLang(conversation, null)), List.of(), null));
  }

  @Override
  public Future<Turn> respond(Conversation conversation, TranscriptEntry customerEntry) {
    Language lang = replyLang(conversation, customerEntry.text());
    IntentClassifier c = classifier.get();
    String intent = c == null ? null : c.classify(understood(customerEntry)).intent();
    return Future.succeededFuture(new Turn(null, List.of(OutboundMessage.bot(texts.text("notice", lang), List.of(), intent))));
  }

  /** What to classify: a button's payload when it names an intent, else the text. */
  private static String understood(TranscriptEntry e) {
    return e.payload() != null ? e.payload() : e.text();
  }

  /**
   * The conversation's fixed locale, or for {@code auto} the script of the message (zh-Hans, zh-Hant
   * or en); a new conversation without a locale is greeted in Simplified Chinese.
   */
  private Language replyLang(Conversation c, String text) {
    var fixed = Language.fromTag(c.locale());
    if (fixed.isPresent()) {
      return fixed.get();
    }
    return text == null ? Language.ZH_HANS : languages.detect(text);
  }
}
