package io.parley.handoff;

import io.parley.conversation.Addresses;
import io.parley.conversation.Author;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationService;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.HandoffRequest;
import io.parley.conversation.Handoffs;
import io.parley.conversation.OutboundMessage;
import io.parley.conversation.TranscriptEntry;
import io.parley.nlu.Language;
import io.parley.nlu.LanguageDetector;
import io.parley.store.CaseKind;
import io.parley.store.CaseRecord;
import io.parley.store.ConversationNotFoundException;
import io.parley.store.ConversationStore;
import io.parley.store.HandoffRecord;
import io.parley.store.HandoffStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handoff core: queues a conversation the bot hands over (routing by intent, priority, pick-up
 * due time), tells the customer where they stand, lets agents claim, write, record trade results and
 * resolve, and keeps the audit trail. State lives in the {@link HandoffStore} and the conversation
 * store, so a restart or another instance loses nothing; the customer's sockets hear every change
 * through {@link Addresses#conversation(String)}, agents' consoles through
 * {@link Addresses#HANDOFF_QUEUES} and {@link Addresses#agent(String)}.
 */
public final class HandoffService implements Handoffs {

  private static final Logger LOG = LoggerFactory.getLogger(HandoffService.class);
  private static final Set<String> TRADE_RESULTS = Set.of("executed", "partially_executed", "rejected", "cancelled");
  private static final int CASE_LIST_LIMIT = 500;

  private final Vertx vertx;
  private final ConversationService conversations;
  private final ConversationStore store;
  private final HandoffStore handoffs;
  private final Teams teams;
  private final BusinessHours hours;
  private final HandoffTexts texts;
  private final Clock clock;
  private final LanguageDetector languages = new LanguageDetector();
  private volatile AutoAssigner autoAssigner;
  private volatile io.parley.ops.ParleyMetrics metrics;

  public HandoffService(Vertx vertx, ConversationService conversations, ConversationStore store, HandoffStore handoffs,
      Teams teams, BusinessHours hours, HandoffTexts texts, Clock clock) {
    this.vertx = vertx;
    this.conversations = conversations;
    this.store = store;
    this.handoffs = handoffs;
    this.teams = teams;
    this.hours = hours;
    this.texts = texts;
    this.clock = clock;
  }

  /** Picks an agent for a new handoff (auto assignment, off by default); null: agents claim. */
  public interface AutoAssigner {
    Future<Actor> pick(HandoffRecord waiting);
  }

  /** Wires the meters in (queued handoffs, pick-up times). */
  public void metrics(io.parley.ops.ParleyMetrics m) {
    this.metrics = m;
  }

  public void autoAssigner(AutoAssigner a) {
    this.autoAssigner = a;
  }

  public Teams teams() {
    return teams;
  }

  public BusinessHours hours() {
    return hours;
  }

  public HandoffStore store() {
    return handoffs;
  }

  // --- the bot hands over ------------------------------------------------------------------------

  /**
   * Queues the conversation. Called inside the turn that decided the handoff, so the customer notice
   * is posted behind it (not awaited here: the turn must finish first).
   */
  @Override
  public Future<Void> requested(Conversation conversation, HandoffRequest request) {
    String team = request.team() != null && teams.exists(request.team()) ? request.team() : teams.teamOf(request.intent());
    int priority = request.priority() > 0 ? request.priority() : teams.priorityOf(request.intent());
    Instant now = clock.instant();
    String id = conversation.id();
    return language(conversation, request.summary()).compose(lang -> {
      HandoffRecord rec = HandoffRecord.waiting(id, team, priority, request.intent(), request.summary(),
          request.caseId(), lang.tag(), now, now.plus(teams.team(team).pickupTarget()));
      return handoffs.enqueue(rec).compose(queued -> {
        if (!queued) {
          LOG.info("conv={} handoff requested again while one is open; the customer gets its state", id);
          return currentFrame(id).<Void>map(f -> {
            if (f != null) {
              conversations.publishFrame(id, f);
            }
            return null;
          });
        }
        LOG.info("conv={} handoff queued team={} priority={} intent={} case={}", id, team, priority,
            request.intent(), request.caseId());
        return queuedFrame(rec).<Void>map(frame -> {
          conversations.publishFrame(id, frame);
          String text = queuedNotice(rec, frame.getInteger("position", 1), lang);
          conversations.post(id, List.of(system(text)))
              .onFailure(e -> LOG.warn("conv={} handoff notice not posted: {}", id, e.toString()));
          queueChanged(team);
          if (metrics != null) {
            metrics.handoffQueued(team);
          }
          if (autoAssigner != null) {
            vertx.runOnContext(v -> autoAssign(rec));
          }
          return null;
        });
      });
    }).onFailure(e -> {
      LOG.error("conv={} handoff could not be queued: {}; the bot takes the conversation back", id, e.toString());
      // Not awaited: it runs behind the turn that called us, so the customer is not left in silence.
      conversations.changeStatus(id, ConversationStatus.BOT, List.of(system(texts.text("handoff.failed",
              lang(conversation.locale()), Map.of()))), null)
          .onFailure(e2 -> LOG.error("conv={} could not give the conversation back to the bot: {}", id, e2.toString()));
    });
  }

  private void autoAssign(HandoffRecord rec) {
    autoAssigner.pick(rec).compose(actor -> actor == null ? Future.succeededFuture() : claim(actor, rec.conversationId()))
        .onFailure(e -> LOG.info("conv={} not assigned automatically: {}", rec.conversationId(), e.getMessage()));
  }

  private String queuedNotice(HandoffRecord rec, int position, Language lang) {
    Optional<Instant> opens = hours.opensAt(rec.team(), clock.instant());
    Map<String, String> values = Map.of(
        "team", texts.teamName(rec.team(), lang),
        "position", String.valueOf(position),
        "opensAt", opens.map(t -> HandoffTexts.localTime(t, teams.team(rec.team()).zone())).orElse(""));
    return texts.text(opens.isPresent() ? "handoff.queued_closed" : "handoff.queued", lang, values);
  }

  // --- what the customer's sockets show ----------------------------------------------------------

  /** The current {@code handoff} frame of a conversation waiting for or with an agent; null otherwise. */
  @Override
  public Future<JsonObject> currentFrame(String conversationId) {
    return handoffs.handoff(conversationId).compose(rec -> {
      if (rec == null) {
        return Future.succeededFuture(null);
      }
      if (rec.assigned()) {
        return Future.succeededFuture(assignedFrame(rec));
      }
      return queuedFrame(rec);
    });
  }

  private Future<JsonObject> queuedFrame(HandoffRecord rec) {
    return handoffs.waiting(rec.team()).map(queue -> queuedFrame(rec, position(queue, rec.conversationId())));
  }

  private JsonObject queuedFrame(HandoffRecord rec, int position) {
    JsonObject f = new JsonObject().put("type", "handoff").put("status", "queued").put("team", rec.team())
        .put("position", position);
    hours.opensAt(rec.team(), clock.instant()).ifPresent(t -> f.put("opensAt", t.toString()));
    return f;
  }

  private static JsonObject assignedFrame(HandoffRecord rec) {
    return new JsonObject().put("type", "handoff").put("status", "assigned").put("team", rec.team())
        .put("agentName", rec.agentName());
  }

  private static int position(List<HandoffRecord> queue, String conversationId) {
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).conversationId().equals(conversationId)) {
        return i + 1;
      }
    }
    return queue.size() + 1;
  }

  /** Tells every conversation still waiting for {@code team} its (new) position, and the agents the queue. */
  private void queueChanged(String team) {
    conversations.events().publish(Addresses.HANDOFF_QUEUES, new JsonObject().put("team", team));
  }

  private Future<Void> positionsMoved(String team) {
    queueChanged(team);
    return handoffs.waiting(team).map(queue -> {
      for (int i = 0; i < queue.size(); i++) {
        conversations.publishFrame(queue.get(i).conversationId(), queuedFrame(queue.get(i), i + 1));
      }
      return null;
    });
  }

  // --- queues ------------------------------------------------------------------------------------

  /** The waiting handoffs of {@code actor}'s teams, highest priority first (contracts §5). */
  public Future<JsonArray> queue(Actor actor) {
    List<String> mine = Teams.IDS.stream().filter(actor::works).toList();
    List<Future<List<HandoffRecord>>> all = mine.stream().map(handoffs::waiting).toList();
    return Future.all(all).map(cf -> {
      List<HandoffRecord> merged = new ArrayList<>();
      all.forEach(f -> merged.addAll(f.result()));
      merged.sort(HandoffRecord::queueOrder);
      JsonArray out = new JsonArray();
      merged.forEach(r -> out.add(queueItem(r)));
      return out;
    });
  }

  /** One team's waiting handoffs as queue items. */
  public Future<JsonArray> teamQueue(String team) {
    return handoffs.waiting(team).map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(r -> out.add(queueItem(r)));
      return out;
    });
  }

  private static JsonObject queueItem(HandoffRecord r) {
    JsonObject j = new JsonObject()
        .put("conversationId", r.conversationId())
        .put("team", r.team())
        .put("priority", r.priority())
        .put("waitingSince", r.waitingSince().toString())
        .put("intent", r.intent())
        .put("summary", r.summary())
        .put("pickupDueAt", r.pickupDueAt().toString())
        .put("locale", r.locale());
    if (r.caseId() != null) {
      j.put("caseId", r.caseId());
    }
    return j;
  }

  /** Per team: waiting count, oldest wait, handoffs past their pick-up target. */
  public Future<JsonObject> queueStats() {
    Instant now = clock.instant();
    List<Future<List<HandoffRecord>>> all = Teams.IDS.stream().map(handoffs::waiting).toList();
    return Future.all(all).map(cf -> {
      JsonObject out = new JsonObject();
      for (int i = 0; i < Teams.IDS.size(); i++) {
        String team = Teams.IDS.get(i);
        List<HandoffRecord> q = all.get(i).result();
        Instant oldest = q.stream().map(HandoffRecord::waitingSince).min(Comparator.naturalOrder()).orElse(null);
        out.put(team, new JsonObject()
            .put("waiting", q.size())
            .put("oldestWaitSeconds", oldest == null ? 0 : Math.max(0, now.getEpochSecond() - oldest.getEpochSecond()))
            .put("breaches", q.stream().filter(r -> !r.pickupDueAt().isAfter(now)).count())
            .put("open", hours.isOpen(team, now))
            .put("pickupTargetSeconds", teams.team(team).pickupTarget().toSeconds()));
      }
      return out;
    });
  }

  // --- agent actions -----------------------------------------------------------------------------

  /** Assigns a waiting conversation to {@code actor}; again by the same agent is fine. */
  public Future<HandoffRecord> claim(Actor actor, String conversationId) {
    return handoffs.handoff(conversationId).compose(rec -> {
      if (rec == null) {
        return Future.failedFuture(HandoffException.conflict("not_waiting", "the conversation is not waiting for a person"));
      }
      if (!actor.works(rec.team())) {
        return Future.failedFuture(HandoffException.forbidden("not_your_team", "the conversation waits for the " + rec.team()
            + " team, which is not yours"));
      }
      Instant now = clock.instant();
      int capacity = actor.supervisor() ? 0 : actor.capacity();
      return handoffs.assign(conversationId, actor.username(), actor.displayName(), capacity, now).compose(a -> {
        switch (a.outcome()) {
          case ALREADY_YOURS:
            return Future.succeededFuture(a.record());
          case TAKEN:
            return Future.failedFuture(HandoffException.conflict("taken", "another agent has this conversation"));
          case FULL:
            return Future.failedFuture(HandoffException.conflict("at_capacity",
                "you already have " + actor.capacity() + " conversations; resolve one first"));
          case NOT_WAITING:
            return Future.failedFuture(HandoffException.conflict("not_waiting", "the conversation is not waiting for a person"));
          default:
            return assigned(actor, a.record(), now);
        }
      });
    });
  }

  private Future<HandoffRecord> assigned(Actor actor, HandoffRecord rec, Instant now) {
    String id = rec.conversationId();
    Language lang = lang(rec.locale());
    OutboundMessage notice = system(texts.text("handoff.assigned", lang, Map.of("agent", actor.displayName())));
    LOG.info("conv={} claimed by agent={} after {} s", id, actor.username(),
        now.getEpochSecond() - rec.waitingSince().getEpochSecond());
    if (metrics != null) {
      metrics.pickupTime(rec.team(), java.time.Duration.between(rec.waitingSince(), now).abs());
    }
    return conversations.changeStatus(id, ConversationStatus.WITH_AGENT, List.of(notice), assignedFrame(rec))
        .compose(c -> audit(actor, rec, "claim", new JsonObject().put("team", rec.team()), now))
        .compose(v -> {
          conversations.events().publish(Addresses.agent(actor.username()),
              new JsonObject().put("type", "assigned").put("conversationId", id));
          return positionsMoved(rec.team());
        })
        .map(rec);
  }

  /** Sends an agent message to the customer; only the assigned agent may. */
  public Future<TranscriptEntry> message(Actor actor, String conversationId, String text) {
    return assignedTo(actor, conversationId, false).compose(rec -> conversations.post(conversationId,
            List.of(new OutboundMessage(Author.AGENT, text, List.of(), null, actor.displayName())))
        .compose(entries -> handoffs.touch(conversationId)
            .compose(v -> audit(actor, rec, "message", new JsonObject().put("text", text), clock.instant()))
            .map(entries.get(0))));
  }

  /** Publishes that the agent is typing to the customer's sockets. */
  public Future<Void> agentTyping(Actor actor, String conversationId) {
    return assignedTo(actor, conversationId, false).map(rec -> {
      conversations.publishFrame(conversationId, new JsonObject().put("type", "typing").put("from", "agent"));
      return null;
    });
  }

  /**
   * Records the result of the conversation's confirmed trade instruction: its open T- case takes the
   * status, with the agent, reference and detail in its history, and the customer gets a
   * confirmation naming the reference (process 3.3.3).
   */
  public Future<CaseRecord> tradeResult(Actor actor, String conversationId, String status, String reference,
      String detail) {
    if (!TRADE_RESULTS.contains(status)) {
      return Future.failedFuture(new HandoffException(400, "bad_request",
          "status must be one of executed, partially_executed, rejected, cancelled"));
    }
    if (reference == null || reference.isBlank()) {
      return Future.failedFuture(new HandoffException(400, "bad_request", "reference is required"));
    }
    Instant now = clock.instant();
    return handoffs.handoff(conversationId).compose(rec -> {
      if (rec != null && rec.assigned() && !rec.agent().equals(actor.username()) && !actor.supervisor()) {
        return Future.failedFuture(HandoffException.forbidden("not_assigned", "another agent has this conversation"));
      }
      if ((rec == null || !rec.assigned()) && !actor.works(HandoffRequest.TRADING_DESK)) {
        return Future.failedFuture(HandoffException.forbidden("not_your_team", "trade results are recorded by the trading desk"));
      }
      return store.casesOfConversation(conversationId).compose(cases -> {
        Optional<CaseRecord> trade = cases.stream()
            .filter(c -> c.kind() == CaseKind.TRADE_INSTRUCTION && c.open())
            .reduce((a, b) -> b);
        if (trade.isEmpty()) {
          return Future.failedFuture(HandoffException.conflict("no_trade_instruction",
              "the conversation has no open trade instruction (T-) case"));
        }
        CaseRecord tcase = trade.get();
        String note = "agent=" + actor.username() + " reference=" + reference + (detail == null ? "" : " detail=" + detail);
        return store.updateCaseStatus(tcase.id(), status, note, now).compose(updated ->
            language(conversationId, rec).compose(lang -> {
              String text = texts.text("trade_result." + status, lang, Map.of("caseId", tcase.id(),
                  "reference", reference, "detail", detail == null ? "" : detail));
              return conversations.post(conversationId, List.of(system(text)));
            }).compose(e -> audit(actor, conversationId, null, "trade_result", new JsonObject()
                .put("caseId", tcase.id()).put("status", status).put("reference", reference).put("detail", detail), now))
            .map(updated));
      });
    });
  }

  /** Ends the handoff: the customer's sockets get {@code handoff ended}, the bot greets them back. */
  public Future<HandoffRecord> resolve(Actor actor, String conversationId, String disposition) {
    Instant now = clock.instant();
    return assignedTo(actor, conversationId, true).compose(rec ->
        handoffs.end(conversationId, rec.agent()).compose(ended -> {
          if (ended == null) {
            return Future.failedFuture(HandoffException.conflict("not_assigned", "the handoff changed; reload"));
          }
          Language lang = lang(rec.locale());
          OutboundMessage back = OutboundMessage.bot(texts.text("handoff.back_to_bot", lang, Map.of()), List.of(), "greeting");
          JsonObject frame = new JsonObject().put("type", "handoff").put("status", "ended").put("team", rec.team());
          LOG.info("conv={} resolved by agent={} disposition={}", conversationId, actor.username(), disposition);
          return conversations.changeStatus(conversationId, ConversationStatus.BOT, List.of(back), frame)
              .recover(e -> e instanceof ConversationNotFoundException ? Future.succeededFuture() : Future.failedFuture(e))
              .compose(c -> audit(actor, rec, "resolve", new JsonObject().put("disposition", disposition), now))
              .compose(v -> {
                if (rec.agent() != null) {
                  conversations.events().publish(Addresses.agent(rec.agent()),
                      new JsonObject().put("type", "released").put("conversationId", conversationId));
                }
                return rec.assigned() ? Future.succeededFuture() : positionsMoved(rec.team());
              })
              .map(ended);
        }));
  }

  /**
   * The handoff, which must be assigned to {@code actor}; a supervisor may act on any
   * ({@code supervisorMayAct}) handoff of the conversation, waiting ones included.
   */
  private Future<HandoffRecord> assignedTo(Actor actor, String conversationId, boolean supervisorMayAct) {
    return handoffs.handoff(conversationId).compose(rec -> {
      if (rec == null) {
        return Future.failedFuture(actor.supervisor() && supervisorMayAct
            ? HandoffException.conflict("no_handoff", "the conversation has no handoff")
            : HandoffException.forbidden("not_assigned", "you are not the assigned agent of this conversation"));
      }
      if (actor.username().equals(rec.agent()) || (supervisorMayAct && actor.supervisor())) {
        return Future.succeededFuture(rec);
      }
      return Future.failedFuture(HandoffException.forbidden("not_assigned", "you are not the assigned agent of this conversation"));
    });
  }

  // --- conversations and cases for the console ---------------------------------------------------

  /** State, transcript, recognised intents, entities (the flow's slots), cases, handoff and audit. */
  public Future<JsonObject> conversationView(Actor actor, String conversationId) {
    return store.load(conversationId).compose(c -> {
      if (c == null) {
        return Future.failedFuture(HandoffException.notFound("no conversation " + conversationId));
      }
      Future<List<TranscriptEntry>> entries = transcript(conversationId, 0, new ArrayList<>());
      Future<List<CaseRecord>> cases = store.casesOfConversation(conversationId);
      Future<HandoffRecord> handoff = handoffs.handoff(conversationId);
      Future<List<JsonObject>> audit = handoffs.auditTrail(conversationId);
      return Future.all(entries, cases, handoff, audit).map(cf -> {
        JsonArray transcript = new JsonArray();
        Set<String> intents = new LinkedHashSet<>();
        for (TranscriptEntry e : entries.result()) {
          transcript.add(e.toJson());
          if (e.intent() != null) {
            intents.add(e.intent());
          }
        }
        JsonArray caseJson = new JsonArray();
        cases.result().forEach(r -> caseJson.add(r.toJson()));
        JsonObject view = new JsonObject()
            .put("conversationId", c.id())
            .put("channel", c.channel())
            .put("locale", c.locale())
            .put("status", c.status().wire())
            .put("verified", c.verified())
            .put("flow", c.flow())
            .put("createdAt", c.createdAt().toString())
            .put("seq", c.seq())
            .put("intents", new JsonArray(new ArrayList<>(intents)))
            .put("entities", new JsonObject(new java.util.LinkedHashMap<>(c.slots())))
            .put("transcript", transcript)
            .put("cases", caseJson)
            .put("audit", new JsonArray(new ArrayList<>(audit.result())));
        if (handoff.result() != null) {
          view.put("handoff", handoff.result().toJson());
        }
        return view;
      });
    });
  }

  private Future<List<TranscriptEntry>> transcript(String id, long after, List<TranscriptEntry> acc) {
    return conversations.entries(id, after).compose(page -> {
      acc.addAll(page);
      return page.size() == ConversationService.PAGE ? transcript(id, page.get(page.size() - 1).seq(), acc)
          : Future.succeededFuture(acc);
    });
  }

  /** The open cases of the actor's teams (a supervisor: all), soonest due first. */
  public Future<JsonArray> openCases(Actor actor) {
    return store.openCases(CASE_LIST_LIMIT).map(list -> {
      JsonArray out = new JsonArray();
      list.stream().filter(c -> actor.works(teams.teamOf(c.kind())))
          .forEach(c -> out.add(c.toJson().put("team", teams.teamOf(c.kind()))));
      return out;
    });
  }

  /**
   * Resolves a case and tells the customer in their conversation; when the conversation has expired
   * the case is still resolved and the answer says the customer was not reachable.
   */
  public Future<JsonObject> resolveCase(Actor actor, String caseId, String resolution) {
    if (resolution == null || resolution.isBlank()) {
      return Future.failedFuture(new HandoffException(400, "bad_request", "resolution is required"));
    }
    Instant now = clock.instant();
    return store.loadCase(caseId).compose(c -> {
      if (c == null) {
        return Future.failedFuture(HandoffException.notFound("no case " + caseId));
      }
      if (!actor.works(teams.teamOf(c.kind()))) {
        return Future.failedFuture(HandoffException.forbidden("not_your_team", "case " + caseId + " belongs to the "
            + teams.teamOf(c.kind()) + " team"));
      }
      if (!c.open()) {
        return Future.failedFuture(HandoffException.conflict("case_closed", "case " + caseId + " is already " + c.status()));
      }
      return store.updateCaseStatus(caseId, "resolved", "agent=" + actor.username() + " resolution=" + resolution, now)
          .compose(updated -> store.load(c.conversationId()).compose(conv -> {
            if (conv == null) {
              return Future.succeededFuture(false);
            }
            return language(conv, null).compose(lang -> conversations.post(conv.id(), List.of(system(texts.text(
                "case.resolved", lang, Map.of("caseId", caseId, "resolution", resolution))))))
                .compose(e -> audit(actor, conv.id(), null, "case_resolve",
                    new JsonObject().put("caseId", caseId).put("resolution", resolution), now))
                .map(true)
                .recover(e -> e instanceof ConversationNotFoundException ? Future.succeededFuture(false)
                    : Future.failedFuture(e));
          }).map(notified -> new JsonObject().put("case", updated.toJson()).put("customerNotified", notified)
              .put("message", notified ? "the customer was told in their conversation"
                  : "the customer's conversation has expired: the customer was not reachable")));
    });
  }

  // --- audit -------------------------------------------------------------------------------------

  private Future<Void> audit(Actor actor, HandoffRecord rec, String action, JsonObject content, Instant at) {
    return audit(actor, rec.conversationId(), rec.caseId(), action, content, at);
  }

  /**
   * Appends an agent action to the conversation's audit trail and, when the handoff carries a case
   * (and the action is not itself a case status change), to that case's history.
   */
  private Future<Void> audit(Actor actor, String conversationId, String caseId, String action, JsonObject content,
      Instant at) {
    JsonObject entry = new JsonObject().put("action", action).put("agent", actor.username())
        .put("agentName", actor.displayName()).put("at", at.toString()).put("content", content);
    Future<Void> conv = handoffs.audit(conversationId, entry);
    if (caseId == null) {
      return conv;
    }
    return conv.compose(v -> store.loadCase(caseId)).compose(c -> c == null ? Future.succeededFuture()
        : store.updateCaseStatus(caseId, c.status(), "agent=" + actor.username() + " " + action + ": " + content.encode(), at)
            .mapEmpty());
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static OutboundMessage system(String text) {
    return new OutboundMessage(Author.SYSTEM, text, List.of(), null, null);
  }

  private static Language lang(String tag) {
    return Language.fromTag(tag).orElse(Language.ZH_HANS);
  }

  private Future<Language> language(String conversationId, HandoffRecord rec) {
    if (rec != null) {
      return Future.succeededFuture(lang(rec.locale()));
    }
    return store.load(conversationId).compose(c -> c == null ? Future.succeededFuture(Language.ZH_HANS) : language(c, null));
  }

  /** The conversation's fixed locale, or the script of the customer's latest words. */
  private Future<Language> language(Conversation c, String hint) {
    Optional<Language> fixed = Language.fromTag(c.locale());
    if (fixed.isPresent()) {
      return Future.succeededFuture(fixed.get());
    }
    return store.entries(c.id(), Math.max(0, c.seq() - 10), 10).map(entries -> {
      for (int i = entries.size() - 1; i >= 0; i--) {
        if (entries.get(i).from() == Author.CUSTOMER) {
          return languages.detect(entries.get(i).text(),
              Language.fromTag(c.slots().get(Conversation.LANGUAGE_SLOT)).orElse(null));
        }
      }
      return hint == null ? Language.ZH_HANS : languages.detect(hint);
    }).recover(e -> Future.succeededFuture(hint == null ? Language.ZH_HANS : languages.detect(hint)));
  }
}
