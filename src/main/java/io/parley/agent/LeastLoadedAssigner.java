package io.parley.agent;

import io.parley.handoff.Actor;
import io.parley.handoff.HandoffService;
import io.parley.store.HandoffRecord;
import io.parley.store.HandoffStore;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;

/**
 * Automatic assignment ({@code handoff.auto_assign}, off by default): the signed-in agent of the
 * handoff's team who speaks the customer's language and has the fewest conversations, if they have
 * room. Supervisors are not picked. Online means a console socket on this instance.
 */
public final class LeastLoadedAssigner implements HandoffService.AutoAssigner {

  private final AgentDirectory directory;
  private final AgentPresence presence;
  private final HandoffStore handoffs;

  public LeastLoadedAssigner(AgentDirectory directory, AgentPresence presence, HandoffStore handoffs) {
    this.directory = directory;
    this.presence = presence;
    this.handoffs = handoffs;
  }

  private record Load(AgentAccount account, int conversations) {
  }

  @Override
  public Future<Actor> pick(HandoffRecord waiting) {
    List<AgentAccount> candidates = presence.online().stream()
        .map(directory::find).flatMap(java.util.Optional::stream)
        .filter(a -> !a.supervisor() && a.teams().contains(waiting.team()) && a.languages().contains(waiting.locale()))
        .toList();
    List<Future<Load>> loads = candidates.stream()
        .map(a -> handoffs.assignedTo(a.username()).map(list -> new Load(a, list.size()))).toList();
    return Future.all(loads).map(cf -> loads.stream().map(Future::result)
        .filter(l -> l.conversations() < l.account().capacity())
        .min(Comparator.comparingInt(Load::conversations).thenComparing(l -> l.account().username()))
        .map(l -> l.account().actor())
        .orElse(null));
  }
}
