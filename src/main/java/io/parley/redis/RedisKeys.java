package io.parley.redis;

/**
 * Every Redis key and channel Parley uses, in one place. All start with the configured prefix.
 *
 * <pre>
 * {prefix}conv:{id}               hash     state (JSON), ver, seq             TTL: conversation TTL
 * {prefix}conv:{id}:log           list     transcript entries, index = seq-1  TTL: conversation TTL
 * {prefix}conv:{id}:idem:{key}    string   seq of a de-duplicated message     TTL: idempotency TTL
 * {prefix}conv:{id}:events        channel  pub/sub: every new transcript entry
 * {prefix}once:{scope}:{key}      string   webhook de-duplication record      TTL: given per call
 * {prefix}cases:{cases}:seq:{K}   string   last case number of kind K         kept
 * {prefix}cases:{cases}:case:{n}  hash     header (JSON), status, due score   kept
 * {prefix}cases:{cases}:hist:{n}  list     status changes (JSON)              kept
 * {prefix}cases:{cases}:conv:{id} zset     case ids of a conversation by time kept
 * {prefix}cases:{cases}:cust:{ref} zset   case ids of a customer by time     kept
 * {prefix}cases:{cases}:open      zset     open case ids by due time          owner: removed when terminal
 * {prefix}conv:{id}:audit         list     agent actions (JSON), oldest first TTL: conversation TTL
 * {prefix}queue:{queue}:handoff:{id} string handoff record (JSON)           TTL: conversation TTL
 * {prefix}queue:{queue}:team:{team}  zset  waiting conversation ids by time  owner: removed on claim / end
 * {prefix}queue:{queue}:due       zset     waiting ids by pick-up due time    owner: removed on claim / end / breach
 * {prefix}queue:{queue}:agent:{u} set      conversations assigned to agent u  TTL: conversation TTL; removed on end
 * {prefix}once:sweep:{slot}       string   which instance runs a due-time sweep TTL: 2 sweep intervals
 * {prefix}once:case-due:{id}:{ms} string   a case reminder was raised         TTL: 400 days
 * {prefix}events                  channel  pub/sub: events relayed between instances (RedisEventRelay)
 * </pre>
 *
 * All handoff keys share the {@code {queue}} hash tag, so one script can move a conversation from a
 * team's queue to an agent atomically.
 *
 * The {@code {id}} hash tag keeps one conversation's keys in one Redis Cluster slot, so one script
 * can touch them all; all case keys share the {@code {cases}} tag for the same reason.
 */
public final class RedisKeys {

  private final String prefix;

  public RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  public String conversation(String id) {
    return prefix + "conv:{" + id + "}";
  }

  public String transcript(String id) {
    return conversation(id) + ":log";
  }

  public String idempotency(String id, String key) {
    return conversation(id) + ":idem:" + key;
  }

  public String events(String id) {
    return conversation(id) + ":events";
  }

  public String once(String scope, String key) {
    return prefix + "once:" + scope + ":" + key;
  }

  public String caseCounter(char kindLetter) {
    return prefix + "cases:{cases}:seq:" + kindLetter;
  }

  public String caseRecord(String caseId) {
    return prefix + "cases:{cases}:case:" + caseId;
  }

  public String caseHistory(String caseId) {
    return prefix + "cases:{cases}:hist:" + caseId;
  }

  public String casesOfCustomer(String customerRef) {
    return prefix + "cases:{cases}:cust:" + customerRef;
  }

  public String casesOfConversation(String conversationId) {
    return prefix + "cases:{cases}:conv:" + conversationId;
  }

  public String openCases() {
    return prefix + "cases:{cases}:open";
  }

  public String audit(String conversationId) {
    return conversation(conversationId) + ":audit";
  }

  public String handoff(String conversationId) {
    return prefix + "queue:{queue}:handoff:" + conversationId;
  }

  public String teamQueue(String team) {
    return prefix + "queue:{queue}:team:" + team;
  }

  public String pickupDue() {
    return prefix + "queue:{queue}:due";
  }

  public String agentAssignments(String username) {
    return prefix + "queue:{queue}:agent:" + username;
  }

  /** The pub/sub channel that relays events between instances. */
  public String relayChannel() {
    return prefix + "events";
  }
}
