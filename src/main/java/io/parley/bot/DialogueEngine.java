package io.parley.bot;

import io.parley.cases.CaseDesk;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.HandoffRequest;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.QuickReply;
import io.parley.conversation.Responder;
import io.parley.conversation.TranscriptEntry;
import io.parley.faq.FaqAnswer;
import io.parley.faq.KnowledgeBase;
import io.parley.flow.Flow;
import io.parley.flow.FlowStep;
import io.parley.flow.FlowTurn;
import io.parley.flow.FollowUpFlow;
import io.parley.flow.VerificationFlow;
import io.parley.nlu.Classification;
import io.parley.nlu.IntentClassifier;
import io.parley.nlu.IntentIds;
import io.parley.nlu.Language;
import io.parley.nlu.LanguageDetector;
import io.parley.nlu.entity.Entities;
import io.parley.nlu.entity.EntityExtractor;
import io.parley.store.CaseRecord;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bot. One turn: read the message (intent, entities, script) -> if it cancels or switches the
 * language, do that -> if a flow is active, the flow decides (fill a slot, confirm, hand off), and a
 * question in between is answered before the flow asks again -> otherwise route by intent: an FAQ
 * answer, a flow, a handoff, small talk, or the fallback ladder (clarify, redirect, then offer a
 * person or a follow-up). The replies and the conversation's next state go back to the service,
 * which stores them in one write. Every text comes from {@code intents/}.
 *
 * <p>The conversation's slots hold the engine's own keys ({@link #MISSES}, {@link #LAST_MISS},
 * {@link #VERIFIED_AT}) and the active flow's keys with the prefix {@code f.}.
 */
public final class DialogueEngine implements Responder {

  static final String MISSES = "misses";
  static final String LAST_MISS = "lastMiss";
  static final String VERIFIED_AT = "verifiedAt";
  static final String LANG = Conversation.LANGUAGE_SLOT;
  private static final String FLOW_PREFIX = "f.";
  /** Button payloads the engine itself understands. */
  public static final String CANCEL = "cancel";
  public static final String FOLLOW_UP_REQUEST = "followup_request";
  public static final String VERIFY = "verify";
  private static final String LOCALE_PAYLOAD = "locale:";

  private final TextCatalog texts;
  private final KnowledgeBase knowledge;
  private final MainMenu menu;
  private final EngineVocabulary vocabulary;
  private final Supplier<IntentClassifier> classifier;
  private final EntityExtractor extractor;
  private final Map<String, Flow> flows;
  private final CaseDesk desk;
  private final Clock clock;
  private final Duration verificationTtl;
  private final MissRecorder misses;
  private final LanguageDetector languages = new LanguageDetector();

  /**
   * @param classifier the intent classifier once it is loaded (null before; the service does not
   *     take messages until then)
   * @param flows every flow by its id
   * @param verificationTtl how long a verified identity stays verified
   */
  public DialogueEngine(TextCatalog texts, KnowledgeBase knowledge, MainMenu menu, EngineVocabulary vocabulary,
      Supplier<IntentClassifier> classifier, EntityExtractor extractor, List<Flow> flows, CaseDesk desk,
      Clock clock, Duration verificationTtl, MissRecorder misses) {
    this.texts = texts;
    this.knowledge = knowledge;
    this.menu = menu;
    this.vocabulary = vocabulary;
    this.classifier = classifier;
    this.extractor = extractor;
    Map<String, Flow> byId = new HashMap<>();
    flows.forEach(f -> byId.put(f.id(), f));
    this.flows = Map.copyOf(byId);
    this.desk = desk;
    this.clock = clock;
    this.verificationTtl = verificationTtl;
    this.misses = misses;
  }

  @Override
  public List<OutboundMessage> greet(Conversation conversation) {
    Language lang = replyLanguage(conversation, null);
    return List.of(OutboundMessage.bot(texts.text("greeting", lang), menu(lang), "greeting"));
  }

  /** The turn being decided: the state so far, the replies so far, a handoff if any. */
  private static final class Draft {
    Conversation state;
    final Conversation original;
    final List<OutboundMessage> replies = new ArrayList<>();
    HandoffRequest handoff;

    Draft(Conversation c) {
      this.state = c;
      this.original = c;
    }

    Turn turn() {
      return new Turn(state.equals(original) ? null : state, replies, handoff);
    }
  }

  /** What the engine read from the message. */
  private record Reading(TranscriptEntry entry, Language lang, Classification classification, Entities entities,
      Instant now) {
    String intent() {
      if (entry.payload() != null) {
        return entry.payload();
      }
      return classification == null ? null : classification.intent();
    }
  }

  @Override
  public Future<Turn> respond(Conversation conversation, TranscriptEntry entry) {
    Draft d = new Draft(conversation);
    String payload = entry.payload();
    Optional<Language> fixed = payload != null && payload.startsWith(LOCALE_PAYLOAD)
        ? Language.fromTag(payload.substring(LOCALE_PAYLOAD.length()))
        : vocabulary.languageSwitch(entry.text());
    if (fixed.isPresent()) {
      d.state = d.state.withLocale(fixed.get().tag());
      Reading r = read(d.state, entry);
      // The switch is no topic of the taxonomy: its replies carry whatever the engine read, as every
      // bot message carries the recognised intent.
      String intent = r.classification() == null ? null : r.classification().intent();
      d.replies.add(OutboundMessage.bot(texts.text("flow.language_switched", fixed.get()), List.of(), intent));
      Flow active = activeFlow(d.state);
      if (active != null) {
        d.replies.add(active.prompt(flowTurn(d.state, r)));
      } else {
        d.replies.add(OutboundMessage.bot(texts.text("reply.affirm_idle", fixed.get()), menu(fixed.get()), intent));
      }
      return Future.succeededFuture(d.turn());
    }
    Reading r = read(conversation, entry);
    rememberLanguage(d, r);
    Flow active = activeFlow(conversation);
    if (active != null && (CANCEL.equals(payload) || payload == null && vocabulary.isCancel(entry.text()))) {
      d.state = endFlow(d.state);
      d.replies.add(OutboundMessage.bot(texts.text("flow.cancelled", r.lang()), menu(r.lang()),
          active.intent(flowSlots(conversation))));
      return Future.succeededFuture(d.turn());
    }
    if (active != null) {
      return active.next(flowTurn(conversation, r)).compose(step -> apply(d, r, active, step)).map(x -> d.turn());
    }
    if (CANCEL.equals(payload)) {
      // a Cancel button of a flow that is already over: nothing to cancel
      d.replies.add(OutboundMessage.bot(texts.text("reply.affirm_idle", r.lang()), menu(r.lang()), "deny"));
      return Future.succeededFuture(d.turn());
    }
    return route(d, r, r.intent()).map(x -> d.turn());
  }

  /**
   * With the locale on auto, a button press is answered in the language of the customer's last typed
   * message, kept in the engine slot {@link #LANG}.
   */
  private static void rememberLanguage(Draft d, Reading r) {
    if (Language.fromTag(d.state.locale()).isEmpty() && r.entry().payload() == null
        && !r.lang().tag().equals(d.state.slots().get(LANG))) {
      Map<String, String> slots = new HashMap<>(d.state.slots());
      slots.put(LANG, r.lang().tag());
      d.state = d.state.withFlow(d.state.flow(), slots);
    }
  }

  private Reading read(Conversation c, TranscriptEntry entry) {
    Language lang = replyLanguage(c, entry.payload() == null ? entry.text() : null);
    Classification cls = null;
    Entities entities = null;
    if (entry.payload() == null && entry.text() != null) {
      IntentClassifier ic = classifier.get();
      if (ic != null) {
        cls = ic.classify(entry.text());
      }
      entities = extractor.extract(entry.text());
    }
    return new Reading(entry, lang, cls, entities, clock.instant());
  }

  // --- flows ------------------------------------------------------------------------------------

  private Flow activeFlow(Conversation c) {
    return c.flow() == null ? null : flows.get(c.flow());
  }

  private FlowTurn flowTurn(Conversation c, Reading r) {
    return flowTurn(c, r, flowSlots(c));
  }

  private FlowTurn flowTurn(Conversation c, Reading r, Map<String, String> slots) {
    return new FlowTurn(c, r.entry(), r.lang(), r.classification(), r.entities(), slots, r.now(),
        verifiedCustomer(c, r.now()), texts);
  }

  private static Map<String, String> flowSlots(Conversation c) {
    Map<String, String> m = new HashMap<>();
    c.slots().forEach((k, v) -> {
      if (k.startsWith(FLOW_PREFIX)) {
        m.put(k.substring(FLOW_PREFIX.length()), v);
      }
    });
    return m;
  }

  private static Map<String, String> engineSlots(Conversation c) {
    Map<String, String> m = new HashMap<>();
    c.slots().forEach((k, v) -> {
      if (!k.startsWith(FLOW_PREFIX)) {
        m.put(k, v);
      }
    });
    return m;
  }

  private static Conversation withFlow(Conversation c, String flowId, Map<String, String> flowSlots) {
    Map<String, String> slots = engineSlots(c);
    flowSlots.forEach((k, v) -> slots.put(FLOW_PREFIX + k, v));
    return c.withFlow(flowId, slots);
  }

  private static Conversation endFlow(Conversation c) {
    return c.withFlow(null, engineSlots(c));
  }

  private Future<Void> startFlow(Draft d, Reading r, String flowId, Map<String, String> initial) {
    Flow flow = flows.get(flowId);
    resetMisses(d);
    return flow.start(flowTurn(d.state, r, initial)).compose(step -> {
      if (step.outcome() == FlowStep.Outcome.ASIDE) {
        throw new IllegalStateException("flow " + flowId + " cannot start with an aside");
      }
      return apply(d, r, flow, step);
    });
  }

  private Future<Void> apply(Draft d, Reading r, Flow flow, FlowStep step) {
    switch (step.outcome()) {
      case CONTINUE -> {
        d.state = withFlow(d.state, flow.id(), step.slots());
        d.replies.addAll(step.replies());
        return Future.succeededFuture();
      }
      case DONE -> {
        d.state = endFlow(d.state);
        d.replies.addAll(step.replies());
        return Future.succeededFuture();
      }
      case HANDOFF -> {
        d.state = endFlow(d.state);
        d.replies.addAll(step.replies());
        handOff(d, step.handoff());
        return Future.succeededFuture();
      }
      case VERIFIED -> {
        Map<String, String> slots = engineSlots(d.state);
        slots.put(VERIFIED_AT, String.valueOf(r.now().toEpochMilli()));
        d.state = d.state.withFlow(null, slots).withCustomer(step.verifiedCustomer(), true);
        d.replies.addAll(step.replies());
        // Carry on with what the customer asked before verifying (the code they just typed is no
        // question of its own, so its classification is left out).
        return step.then() == null ? Future.succeededFuture()
            : route(d, new Reading(r.entry(), r.lang(), null, null, r.now()), step.then());
      }
      case ASIDE -> {
        return aside(d, r, flow);
      }
      default -> throw new IllegalStateException("unknown outcome " + step.outcome());
    }
  }

  /**
   * A message in the middle of a flow that is not an answer to its question: a request for a
   * person, or another process, replaces the flow; anything else is answered and the flow asks its
   * question again.
   */
  private Future<Void> aside(Draft d, Reading r, Flow flow) {
    String intent = r.intent();
    if ("agent_request".equals(intent) || flows.containsKey(intent) || routesToFlow(intent)) {
      d.state = endFlow(d.state);
      return route(d, r, intent);
    }
    return route(d, r, intent).map(x -> {
      FlowTurn again = flowTurn(d.state, r);
      OutboundMessage q = flow.prompt(again);
      d.replies.add(OutboundMessage.bot(texts.text("flow.resume", r.lang()) + "\n" + q.text(), q.quickReplies(),
          q.intent()));
      return null;
    });
  }

  private static boolean routesToFlow(String intent) {
    return intent != null && switch (intent) {
      case "order_status", "progress_query", "info_update" -> true;
      default -> false;
    };
  }

  // --- routing ----------------------------------------------------------------------------------

  private Future<Void> route(Draft d, Reading r, String intent) {
    Language lang = r.lang();
    if (intent == null) {
      d.replies.add(OutboundMessage.bot(texts.text("reply.out_of_scope", lang), menu(lang), IntentIds.OUT_OF_SCOPE));
      return Future.succeededFuture();
    }
    if (FOLLOW_UP_REQUEST.equals(intent)) {
      Map<String, String> initial = new HashMap<>();
      String question = d.state.slots().get(LAST_MISS);
      if (question != null) {
        initial.put(FollowUpFlow.QUESTION, question);
      }
      return startFlow(d, r, FollowUpFlow.ID, initial).map(x -> {
        Map<String, String> slots = new HashMap<>(d.state.slots());
        slots.remove(LAST_MISS);
        d.state = d.state.withFlow(d.state.flow(), slots);
        return null;
      });
    }
    if (VERIFY.equals(intent)) {
      return startFlow(d, r, VerificationFlow.ID, Map.of(VerificationFlow.THEN, "progress_query"));
    }
    Classification c = r.classification();
    if (r.entry().payload() == null && c != null) {
      List<String> topics = topics(c);
      if (c.outOfScope() || topics.size() > 1) {
        return fallback(d, r);
      }
      if (c.isAmbiguous() && topics.size() == 1) {
        intent = topics.get(0);
      }
    }
    Optional<FaqAnswer> answer = knowledge.answer(intent);
    if (answer.isPresent()) {
      resetMisses(d);
      d.replies.add(OutboundMessage.bot(answer.get().text(lang), labels(answer.get().followUps(), lang), intent));
      return Future.succeededFuture();
    }
    if (flows.containsKey(intent)) {
      return startFlow(d, r, intent, Map.of());
    }
    resetMisses(d);
    switch (intent) {
      case "greeting" -> d.replies.add(OutboundMessage.bot(texts.text("reply.greeting", lang), menu(lang), intent));
      case "thanks", "goodbye" -> d.replies.add(OutboundMessage.bot(texts.text("reply." + intent, lang), List.of(), intent));
      case "affirm", "deny" -> d.replies.add(OutboundMessage.bot(texts.text("reply.affirm_idle", lang), menu(lang), intent));
      case "agent_request" -> {
        d.replies.add(OutboundMessage.bot(texts.text("reply.handoff_requested", lang), List.of(), intent));
        handOff(d, new HandoffRequest(null, 0, intent, summary(d, r), null));
      }
      case "account_open" -> d.replies.add(OutboundMessage.bot(texts.text("reply.account_open", lang),
          labels(List.of("faq_account_documents", "agent_request"), lang), intent));
      case "event_inquiry" -> d.replies.add(OutboundMessage.bot(texts.text("reply.event_inquiry", lang),
          labels(List.of("agent_request"), lang), intent));
      case "feedback_suggestion" -> d.replies.add(OutboundMessage.bot(texts.text("reply.feedback_thanks", lang),
          List.of(), intent));
      case "order_status" -> {
        if (verifiedCustomer(d.state, r.now()) == null) {
          return startFlow(d, r, VerificationFlow.ID, Map.of(VerificationFlow.THEN, intent));
        }
        d.replies.add(OutboundMessage.bot(texts.text("reply.order_status_handover", lang), List.of(), intent));
        handOff(d, new HandoffRequest(HandoffRequest.TRADING_DESK, 0, intent, summary(d, r), null));
      }
      case "info_update" -> {
        if (verifiedCustomer(d.state, r.now()) == null) {
          return startFlow(d, r, VerificationFlow.ID, Map.of(VerificationFlow.THEN, intent));
        }
        return startFlow(d, r, "info_update", Map.of());
      }
      case "progress_query" -> {
        return progress(d, r);
      }
      default -> d.replies.add(OutboundMessage.bot(texts.text("reply.out_of_scope", lang), menu(lang), intent));
    }
    return Future.succeededFuture();
  }

  private void handOff(Draft d, HandoffRequest request) {
    d.state = endFlow(d.state).withStatus(ConversationStatus.WAITING);
    d.handoff = request;
  }

  /** The agent's one-line summary: what the customer wrote (the question the bot missed, if any). */
  private static String summary(Draft d, Reading r) {
    String text = r.entry().payload() == null ? r.entry().text() : d.state.slots().get(LAST_MISS);
    if (text == null || text.isBlank()) {
      return r.intent();
    }
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }

  /**
   * The customer's open cases: those of this conversation for anyone holding it, and every case of
   * the customer once verified. With no case here and no verification, verification comes first.
   */
  private Future<Void> progress(Draft d, Reading r) {
    String customer = verifiedCustomer(d.state, r.now());
    Language lang = r.lang();
    return desk.casesOf(d.state, customer).compose(all -> {
      List<CaseRecord> open = all.stream().filter(CaseRecord::open).toList();
      if (customer == null && all.isEmpty()) {
        return startFlow(d, r, VerificationFlow.ID, Map.of(VerificationFlow.THEN, "progress_query"));
      }
      StringBuilder text = new StringBuilder();
      if (open.isEmpty()) {
        text.append(texts.text("progress.none", lang));
      } else {
        text.append(texts.text("progress.header", lang));
        open.forEach(c -> text.append('\n').append(describe(c, lang)));
      }
      List<QuickReply> buttons = List.of();
      if (customer == null) {
        text.append('\n').append(texts.text("progress.verify_for_more", lang));
        buttons = List.of(new QuickReply(texts.text("progress.button.verify", lang), VERIFY));
      }
      d.replies.add(OutboundMessage.bot(text.toString(), buttons, "progress_query"));
      return Future.succeededFuture();
    });
  }

  private String describe(CaseRecord c, Language lang) {
    var zone = desk.policy().calendar().zone();
    String status = texts.has("case.status." + c.status()) ? texts.text("case.status." + c.status(), lang)
        : texts.text("case.status.other", lang, Map.of("status", c.status()));
    Map<String, String> v = new HashMap<>();
    v.put("case", c.id());
    v.put("kind", texts.text("case.kind." + c.kind().name(), lang));
    v.put("status", status);
    v.put("updated", io.parley.flow.DueTimes.format(texts, lang, zone, c.history().get(c.history().size() - 1).at()));
    if (c.dueAt() != null) {
      v.put("due", io.parley.flow.DueTimes.format(texts, lang, zone, c.dueAt()));
      return texts.text("progress.item", lang, v);
    }
    return texts.text("progress.item_no_due", lang, v);
  }

  // --- fallback ---------------------------------------------------------------------------------

  /** Clarify (2-3 close candidates) or redirect (out of scope); the second miss in a row offers a person. */
  private Future<Void> fallback(Draft d, Reading r) {
    Classification c = r.classification();
    Language lang = r.lang();
    List<String> candidates = topics(c);
    boolean unclear = !c.outOfScope() && candidates.size() > 1;
    int inARow = Integer.parseInt(d.state.slots().getOrDefault(MISSES, "0")) + 1;
    Map<String, String> slots = new HashMap<>(d.state.slots());
    slots.put(MISSES, String.valueOf(inARow));
    slots.put(LAST_MISS, r.entry().text());
    d.state = d.state.withFlow(d.state.flow(), slots);
    misses.miss(d.state.id(), r.entry().seq(), unclear ? "ambiguous" : IntentIds.OUT_OF_SCOPE, r.entry().text(),
        lang.tag(), inARow);
    if (inARow >= 2) {
      List<QuickReply> options = new ArrayList<>();
      options.add(new QuickReply(texts.text("label.agent_request", lang), "agent_request"));
      options.add(new QuickReply(texts.text("label.followup_request", lang), FOLLOW_UP_REQUEST));
      menu(lang).stream().filter(q -> !q.payload().equals("agent_request")).forEach(options::add);
      d.replies.add(OutboundMessage.bot(texts.text("reply.offer_human", lang), options, c.intent()));
    } else if (unclear) {
      d.replies.add(OutboundMessage.bot(texts.text("reply.clarify", lang), labels(candidates, lang), c.intent()));
    } else {
      d.replies.add(OutboundMessage.bot(texts.text("reply.out_of_scope", lang), menu(lang), IntentIds.OUT_OF_SCOPE));
    }
    return Future.succeededFuture();
  }

  /**
   * The close candidates worth offering as a clarifying question: topics, not a bare yes, no or
   * greeting, which the engine sometimes finds close to a short question.
   */
  private static List<String> topics(Classification c) {
    if (!c.isAmbiguous()) {
      return List.of();
    }
    return c.ambiguous().stream().filter(i -> !CHATTER.contains(i)).toList();
  }

  private static final java.util.Set<String> CHATTER = java.util.Set.of("affirm", "deny", "greeting", "goodbye", "thanks");

  private static void resetMisses(Draft d) {
    if (d.state.slots().containsKey(MISSES) || d.state.slots().containsKey(LAST_MISS)) {
      Map<String, String> slots = new HashMap<>(d.state.slots());
      slots.remove(MISSES);
      if (d.state.flow() == null) {
        slots.remove(LAST_MISS);
      }
      d.state = d.state.withFlow(d.state.flow(), slots);
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  /**
   * The customer number when the conversation is verified and the verification has not expired
   * (counted from the verification in this conversation, or from its start when it was opened with a
   * signed widget identity), else null.
   */
  String verifiedCustomer(Conversation c, Instant now) {
    if (!c.verified() || c.customerRef() == null) {
      return null;
    }
    String at = c.slots().get(VERIFIED_AT);
    Instant since = at == null ? c.createdAt() : Instant.ofEpochMilli(Long.parseLong(at));
    return now.isBefore(since.plus(verificationTtl)) ? c.customerRef() : null;
  }

  private List<QuickReply> menu(Language lang) {
    return labels(menu.intents(), lang);
  }

  private List<QuickReply> labels(List<String> intents, Language lang) {
    return intents.stream().map(id -> new QuickReply(texts.text("label." + id, lang), id)).toList();
  }

  /**
   * The conversation's fixed locale, or for {@code auto} the script of the message (zh-Hans, zh-Hant
   * or en); a new conversation without a locale, or a button press, uses Simplified Chinese unless
   * the conversation already showed a script.
   */
  private Language replyLanguage(Conversation c, String text) {
    var fixed = Language.fromTag(c.locale());
    if (fixed.isPresent()) {
      return fixed.get();
    }
    if (text != null && !text.isBlank()) {
      return languages.detect(text, Language.fromTag(c.slots().get(LANG)).orElse(null));
    }
    return Language.fromTag(c.slots().get(LANG)).orElse(Language.ZH_HANS);
  }
}
