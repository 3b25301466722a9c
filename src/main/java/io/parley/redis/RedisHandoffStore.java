package io.parley.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.parley.store.HandoffRecord;
import io.parley.store.HandoffStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Handoffs in Redis, on the conversation store's shared connection. Every change is one Lua script
 * over keys with the {@code {queue}} hash tag (see {@link RedisKeys}), so two instances claiming the
 * same conversation cannot both win.
 */
public final class RedisHandoffStore implements HandoffStore {

  private final RedisConversationStore redis;
  private final RedisKeys keys;
  private final LuaScript enqueueScript = LuaScript.load("handoff_enqueue");
  private final LuaScript assignScript = LuaScript.load("handoff_assign");
  private final LuaScript endScript = LuaScript.load("handoff_end");

  private final List<String> teams;

  /** @param teams every team id (a claim or an end removes the conversation from whichever queue holds it) */
  public RedisHandoffStore(RedisConversationStore redis, List<String> teams) {
    this.redis = redis;
    this.keys = redis.keys();
    this.teams = List.copyOf(teams);
  }

  private String ttl() {
    return String.valueOf(redis.conversationTtlSeconds());
  }

  @Override
  public Future<Boolean> enqueue(HandoffRecord r) {
    String id = r.conversationId();
    return redis.script(enqueueScript,
        new String[] {keys.handoff(id), keys.teamQueue(r.team()), keys.pickupDue()},
        List.of(r.toJson().encode(), id, String.valueOf(r.waitingSince().toEpochMilli()),
            String.valueOf(r.pickupDueAt().toEpochMilli()), ttl()))
        .map(res -> ((Number) res.get(0)).longValue() == 1);
  }

  @Override
  public Future<HandoffRecord> handoff(String conversationId) {
    return redis.<String>call(c -> c.get(keys.handoff(conversationId)))
        .map(s -> s == null ? null : HandoffRecord.fromJson(new JsonObject(s)));
  }

  @Override
  public Future<List<HandoffRecord>> waiting(String team) {
    String queue = keys.teamQueue(team);
    return redis.<List<String>>call(c -> c.zrange(queue, 0, -1)).compose(ids -> load(ids, queue))
        .map(list -> list.stream().filter(r -> !r.assigned()).sorted(HandoffRecord::queueOrder).toList());
  }

  /** The records of {@code ids}; ids whose record has expired are dropped from {@code index}. */
  private Future<List<HandoffRecord>> load(List<String> ids, String index) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String[] k = ids.stream().map(keys::handoff).toArray(String[]::new);
    return redis.<List<io.lettuce.core.KeyValue<String, String>>>call(c -> c.mget(k)).compose(values -> {
      List<HandoffRecord> out = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        var kv = values.get(i);
        if (kv.hasValue()) {
          out.add(HandoffRecord.fromJson(new JsonObject(kv.getValue())));
        } else {
          gone.add(ids.get(i));
        }
      }
      if (gone.isEmpty() || index == null) {
        return Future.succeededFuture(out);
      }
      return redis.call(c -> c.zrem(index, gone.toArray(String[]::new))).map(n -> out);
    });
  }

  @Override
  public Future<Assignment> assign(String conversationId, String agent, String agentName, int capacity, Instant at) {
    // assignedTo first drops members whose handoff expired, so the script's SCARD counts live ones
    return (capacity > 0 ? assignedTo(agent).mapEmpty() : Future.<Void>succeededFuture())
        .compose(v -> assignNow(conversationId, agent, agentName, capacity, at));
  }

  private Future<Assignment> assignNow(String conversationId, String agent, String agentName, int capacity,
      Instant at) {
    List<String> k = new ArrayList<>(List.of(keys.handoff(conversationId), keys.pickupDue(), keys.agentAssignments(agent)));
    teams.forEach(t -> k.add(keys.teamQueue(t)));
    return redis.script(assignScript, k.toArray(String[]::new),
        List.of(agent, agentName, at.toString(), String.valueOf(capacity), ttl(), conversationId)).map(res -> {
          String outcome = (String) res.get(0);
          String raw = (String) res.get(1);
          HandoffRecord rec = raw == null || raw.isEmpty() ? null : HandoffRecord.fromJson(new JsonObject(raw));
          return new Assignment(switch (outcome) {
            case "assigned" -> Outcome.ASSIGNED;
            case "yours" -> Outcome.ALREADY_YOURS;
            case "taken" -> Outcome.TAKEN;
            case "full" -> Outcome.FULL;
            default -> Outcome.NOT_WAITING;
          }, rec);
        });
  }

  @Override
  public Future<HandoffRecord> end(String conversationId, String expectedAgent) {
    return end(conversationId, expectedAgent, 1);
  }

  private Future<HandoffRecord> end(String conversationId, String expectedAgent, int attempt) {
    return handoff(conversationId).compose(current -> {
      if (current == null) {
        return Future.succeededFuture(null);
      }
      String holder = current.agent() == null ? "" : current.agent();
      List<String> k = new ArrayList<>(List.of(keys.handoff(conversationId), keys.pickupDue(),
          keys.agentAssignments(holder.isEmpty() ? "-" : holder)));
      teams.forEach(t -> k.add(keys.teamQueue(t)));
      return redis.script(endScript, k.toArray(String[]::new),
          List.of(expectedAgent == null ? "" : expectedAgent, conversationId, holder)).compose(res -> {
            long status = ((Number) res.get(0)).longValue();
            if (status == -1 && attempt < 5) {
              return end(conversationId, expectedAgent, attempt + 1);
            }
            return Future.succeededFuture(status == 1 ? HandoffRecord.fromJson(new JsonObject((String) res.get(1))) : null);
          });
    });
  }

  @Override
  public Future<List<HandoffRecord>> assignedTo(String agent) {
    String set = keys.agentAssignments(agent);
    return redis.<java.util.Set<String>>call(c -> c.smembers(set)).compose(members -> {
      List<String> ids = List.copyOf(members);
      return load(ids, null).compose(list -> {
        List<HandoffRecord> mine = list.stream().filter(r -> agent.equals(r.agent())).toList();
        java.util.Set<String> live = new java.util.HashSet<>();
        mine.forEach(r -> live.add(r.conversationId()));
        // members whose handoff expired or moved on no longer count against the agent's capacity
        String[] stale = ids.stream().filter(id -> !live.contains(id)).toArray(String[]::new);
        return stale.length == 0 ? Future.succeededFuture(mine)
            : redis.call(c -> c.srem(set, stale)).map(n -> mine);
      });
    });
  }

  @Override
  public Future<List<HandoffRecord>> overdue(Instant now, int limit) {
    String due = keys.pickupDue();
    return redis.<List<String>>call(c -> c.zrangebyscore(due, Range.create(0, (double) now.toEpochMilli()),
            Limit.create(0, limit)))
        .compose(ids -> load(ids, due))
        .map(list -> list.stream().filter(r -> !r.assigned()).toList());
  }

  @Override
  public Future<Boolean> markBreached(String conversationId) {
    return redis.<Long>call(c -> c.zrem(keys.pickupDue(), conversationId)).map(n -> n == 1);
  }

  @Override
  public Future<Void> touch(String conversationId) {
    return handoff(conversationId).compose(r -> {
      if (r == null) {
        return Future.succeededFuture();
      }
      Future<Boolean> rec = redis.call(c -> c.expire(keys.handoff(conversationId), redis.conversationTtlSeconds()));
      return r.agent() == null ? rec.mapEmpty()
          : rec.compose(x -> redis.call(c -> c.expire(keys.agentAssignments(r.agent()), redis.conversationTtlSeconds())))
              .mapEmpty();
    });
  }

  @Override
  public Future<Void> audit(String conversationId, JsonObject action) {
    String key = keys.audit(conversationId);
    return redis.call(c -> c.rpush(key, action.encode()))
        .compose(n -> redis.call(c -> c.expire(key, redis.conversationTtlSeconds())))
        .mapEmpty();
  }

  @Override
  public Future<List<JsonObject>> auditTrail(String conversationId) {
    return redis.<List<String>>call(c -> c.lrange(keys.audit(conversationId), 0, -1))
        .map(list -> list.stream().map(JsonObject::new).toList());
  }
}
