package io.parley.cases;

import io.parley.conversation.Conversation;
import io.parley.store.CaseKind;
import io.parley.store.CaseRecord;
import io.parley.store.ConversationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens and finds cases for the bot. A case is opened inside a customer's turn, and a turn may be
 * decided again when another instance changed the conversation meanwhile; so a case is keyed by the
 * conversation, its kind and the seq of the customer message that opened it, and deciding the turn
 * again finds the case already opened instead of opening a second one.
 */
public final class CaseDesk {

  /** The key in a case's data holding the seq of the customer message that opened it. */
  public static final String SOURCE_SEQ = "sourceSeq";

  private final ConversationStore store;
  private final CasePolicy policy;

  public CaseDesk(ConversationStore store, CasePolicy policy) {
    this.store = store;
    this.policy = policy;
  }

  public CasePolicy policy() {
    return policy;
  }

  /**
   * The case of {@code kind} opened by the customer message {@code sourceSeq}, opening it with
   * {@code data} when there is none yet. The data gets the customer reference when the conversation
   * has one, so {@link #openCasesOf} finds it from any later conversation.
   */
  public Future<CaseRecord> open(Conversation c, CaseKind kind, long sourceSeq, Instant now, Instant dueAt,
      JsonObject data) {
    return store.casesOfConversation(c.id()).compose(existing -> {
      for (CaseRecord r : existing) {
        if (r.kind() == kind && r.data().getLong(SOURCE_SEQ, -1L) == sourceSeq) {
          return Future.succeededFuture(r);
        }
      }
      JsonObject d = data.copy().put(SOURCE_SEQ, sourceSeq);
      if (c.customerRef() != null) {
        d.put(CaseRecord.CUSTOMER_REF, c.customerRef());
      }
      return store.createCase(new CaseRecord.Draft(kind, c.id(), now, dueAt, d, "open"));
    });
  }

  /**
   * The open cases the customer of {@code c} may see: those opened in this conversation, and when
   * {@code verifiedCustomer} is set, every case of that customer; soonest due first.
   */
  public Future<List<CaseRecord>> openCasesOf(Conversation c, String verifiedCustomer) {
    return casesOf(c, verifiedCustomer).map(all -> all.stream().filter(CaseRecord::open).toList());
  }

  /** Like {@link #openCasesOf}, closed cases included. */
  public Future<List<CaseRecord>> casesOf(Conversation c, String verifiedCustomer) {
    Future<List<CaseRecord>> mine = store.casesOfConversation(c.id());
    Future<List<CaseRecord>> theirs = verifiedCustomer == null ? Future.succeededFuture(List.of())
        : store.casesOfCustomer(verifiedCustomer);
    return Future.all(mine, theirs).map(x -> {
      Map<String, CaseRecord> byId = new LinkedHashMap<>();
      mine.result().forEach(r -> byId.put(r.id(), r));
      theirs.result().forEach(r -> byId.put(r.id(), r));
      List<CaseRecord> open = new ArrayList<>(byId.values());
      open.sort(Comparator.comparing(CaseRecord::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(CaseRecord::id));
      return open;
    });
  }
}
