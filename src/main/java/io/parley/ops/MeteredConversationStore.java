package io.parley.ops;

import io.parley.conversation.Conversation;
import io.parley.conversation.TranscriptEntry;
import io.parley.store.CaseRecord;
import io.parley.store.ConversationStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Measures every call of the store it wraps ({@code parley_store_latency}). */
public final class MeteredConversationStore implements ConversationStore {

  private final ConversationStore store;
  private final ParleyMetrics metrics;

  public MeteredConversationStore(ConversationStore store, ParleyMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  private <T> Future<T> timed(String operation, Supplier<Future<T>> call) {
    long start = System.nanoTime();
    return call.get().andThen(ar -> metrics.storeCall(operation, Duration.ofNanos(System.nanoTime() - start),
        ar.succeeded()));
  }

  @Override
  public Future<Void> start() {
    return store.start();
  }

  @Override
  public boolean ready() {
    return store.ready();
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public Future<Void> close() {
    return store.close();
  }

  @Override
  public Future<Conversation> create(Conversation conversation, List<TranscriptEntry> entries) {
    return timed("create", () -> store.create(conversation, entries));
  }

  @Override
  public Future<Conversation> load(String conversationId) {
    return timed("load", () -> store.load(conversationId));
  }

  @Override
  public Future<Appended> appendInbound(String conversationId, TranscriptEntry entry, String idempotencyKey) {
    return timed("append_inbound", () -> store.appendInbound(conversationId, entry, idempotencyKey));
  }

  @Override
  public Future<Committed> commit(String conversationId, long expectedVersion, Conversation next,
      List<TranscriptEntry> entries) {
    return timed("commit", () -> store.commit(conversationId, expectedVersion, next, entries));
  }

  @Override
  public Future<List<TranscriptEntry>> entries(String conversationId, long afterSeq, int limit) {
    return timed("entries", () -> store.entries(conversationId, afterSeq, limit));
  }

  @Override
  public Future<Boolean> claimOnce(String scope, String key, Duration ttl) {
    return timed("claim_once", () -> store.claimOnce(scope, key, ttl));
  }

  @Override
  public Future<CaseRecord> createCase(CaseRecord.Draft draft) {
    return timed("create_case", () -> store.createCase(draft));
  }

  @Override
  public Future<CaseRecord> loadCase(String caseId) {
    return timed("load_case", () -> store.loadCase(caseId));
  }

  @Override
  public Future<CaseRecord> updateCaseStatus(String caseId, String status, String note, Instant at) {
    return timed("update_case", () -> store.updateCaseStatus(caseId, status, note, at));
  }

  @Override
  public Future<List<CaseRecord>> casesOfConversation(String conversationId) {
    return timed("cases_of_conversation", () -> store.casesOfConversation(conversationId));
  }

  @Override
  public Future<List<CaseRecord>> casesOfCustomer(String customerRef) {
    return timed("cases_of_customer", () -> store.casesOfCustomer(customerRef));
  }

  @Override
  public Future<List<CaseRecord>> openCases(int limit) {
    return timed("open_cases", () -> store.openCases(limit));
  }
}
