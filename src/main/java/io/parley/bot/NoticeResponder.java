package io.parley.bot;

import io.parley.conversation.Conversation;
import io.parley.conversation.Lang;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.Responder;
import io.parley.conversation.TranscriptEntry;
import io.vertx.core.Future;
import java.util.List;

/**
 * The foundation's responder, until the dialogue engine replaces it in the same pipeline: a greeting
 * for a new conversation and a fixed notice for every customer message, both from
 * {@code intents/texts}.
 */
public final class NoticeResponder implements Responder {

  private final TextCatalog texts;

  public NoticeResponder(TextCatalog texts) {
    this.texts = texts;
  }

  @Override
  public List<OutboundMessage> greet(Conversation conversation) {
    return List.of(OutboundMessage.bot(texts.text("greeting", replyLang(conversation, null)), List.of(), null));
  }

  @Override
  public Future<Turn> respond(Conversation conversation, TranscriptEntry customerEntry) {
    Lang lang = replyLang(conversation, customerEntry.text());
    return Future.succeededFuture(new Turn(null, List.of(OutboundMessage.bot(texts.text("notice", lang), List.of(), null))));
  }

  /**
   * The conversation's fixed locale, or for {@code auto} the script of the message: Chinese
   * characters -> Simplified Chinese, otherwise English. (The language engine refines this with
   * Traditional-Chinese detection.)
   */
  static Lang replyLang(Conversation c, String text) {
    var fixed = Lang.fromTag(c.locale());
    if (fixed.isPresent()) {
      return fixed.get();
    }
    if (text == null) {
      return Lang.ZH_HANS;
    }
    return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
        ? Lang.ZH_HANS : Lang.EN;
  }
}
