package io.parley.agent;

import io.parley.conversation.Addresses;
import io.parley.conversation.ConversationEvents;
import io.parley.conversation.TranscriptEntry;
import io.parley.handoff.Actor;
import io.parley.handoff.HandoffService;
import io.parley.handoff.Teams;
import io.parley.store.HandoffRecord;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed-in agent's console socket ({@code /ws/agent}). Pushes JSON frames: {@code queue} (a
 * queue of the agent's teams changed: its new snapshot), {@code message} (a new transcript entry in a
 * conversation assigned to the agent, the customer-side message frame plus {@code conversationId}),
 * {@code typing} (the customer is typing), {@code assigned} / {@code released}, and for supervisors
 * {@code breach} and {@code case_due}. The agent may send {@code {"type":"typing","conversationId"}}.
 * Runs on the socket's event loop; events come from this instance's event bus.
 */
final class AgentSocket {

  private static final Logger LOG = LoggerFactory.getLogger(AgentSocket.class);

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final Actor actor;
  private final HandoffService handoffs;
  private final AgentPresence presence;
  private final List<MessageConsumer<JsonObject>> consumers = new java.util.ArrayList<>();
  private final Map<String, MessageConsumer<JsonObject>> conversations = new HashMap<>();
  private boolean closed;
  private long pingTimer = -1;
  private long expiryTimer = -1;

  AgentSocket(Vertx vertx, ServerWebSocket ws, Actor actor, HandoffService handoffs, AgentPresence presence) {
    this.vertx = vertx;
    this.ws = ws;
    this.actor = actor;
    this.handoffs = handoffs;
    this.presence = presence;
  }

  /** @param tokenValidForMillis the socket closes (4001, "token expired") when the token expires */
  void start(long tokenValidForMillis) {
    presence.opened(actor.username());
    expiryTimer = vertx.setTimer(tokenValidForMillis, id -> {
      if (!ws.isClosed()) {
        ws.close((short) 4001, "token expired");
      }
    });
    ws.closeHandler(v -> cleanUp());
    ws.exceptionHandler(e -> LOG.debug("agent={} socket error: {}", actor.username(), e.toString()));
    ws.textMessageHandler(this::onText);
    pingTimer = vertx.setPeriodic(25_000, 25_000, id -> {
      if (!ws.isClosed()) {
        ws.writePing(io.vertx.core.buffer.Buffer.buffer());
      }
    });
    listen(Addresses.HANDOFF_QUEUES, body -> {
      String team = body.getString("team");
      if (team != null && actor.works(team)) {
        sendQueue(team);
      }
    });
    listen(Addresses.agent(actor.username()), body -> {
      String id = body.getString("conversationId");
      if ("assigned".equals(body.getString("type"))) {
        follow(id);
      } else if ("released".equals(body.getString("type"))) {
        unfollow(id);
      }
      send(body.copy());
    });
    if (actor.supervisor()) {
      listen(Addresses.SUPERVISOR_ALERTS, body -> send(body.copy()));
      listen(Addresses.CASE_DUE, body -> send(body.copy()));
    }
    send(new JsonObject().put("type", "hello").put("username", actor.username())
        .put("displayName", actor.displayName()).put("role", actor.supervisor() ? "supervisor" : "agent")
        .put("teams", new JsonArray(Teams.IDS.stream().filter(actor::works).toList())));
    Teams.IDS.stream().filter(actor::works).forEach(this::sendQueue);
    handoffs.store().assignedTo(actor.username()).onSuccess(list -> list.stream()
        .map(HandoffRecord::conversationId).forEach(this::follow));
  }

  private void listen(String address, java.util.function.Consumer<JsonObject> handler) {
    consumers.add(vertx.eventBus().<JsonObject>localConsumer(address, m -> {
      if (!closed) {
        handler.accept(m.body());
      }
    }));
  }

  private void sendQueue(String team) {
    handoffs.teamQueue(team).onSuccess(items ->
        send(new JsonObject().put("type", "queue").put("team", team).put("items", items)));
  }

  private void follow(String conversationId) {
    if (closed || conversationId == null || conversations.containsKey(conversationId)) {
      return;
    }
    conversations.put(conversationId, vertx.eventBus().<JsonObject>localConsumer(Addresses.conversation(conversationId),
        m -> onConversationEvent(conversationId, m.body())));
  }

  private void unfollow(String conversationId) {
    MessageConsumer<JsonObject> c = conversations.remove(conversationId);
    if (c != null) {
      c.unregister();
    }
  }

  private void onConversationEvent(String conversationId, JsonObject event) {
    String type = event.getString(ConversationEvents.TYPE);
    if (ConversationEvents.ENTRY.equals(type)) {
      TranscriptEntry e = TranscriptEntry.fromJson(event.getJsonObject(ConversationEvents.ENTRY));
      send(messageFrame(conversationId, e));
    } else if (ConversationEvents.CUSTOMER_TYPING.equals(type)) {
      send(new JsonObject().put("type", "typing").put("conversationId", conversationId).put("from", "customer"));
    }
  }

  static JsonObject messageFrame(String conversationId, TranscriptEntry e) {
    return e.toMessageFrame().put("conversationId", conversationId);
  }

  private void onText(String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (RuntimeException e) {
      send(new JsonObject().put("type", "error").put("code", "bad_json").put("message", "not a JSON object"));
      return;
    }
    if ("typing".equals(frame.getString("type")) && frame.getValue("conversationId") instanceof String id) {
      handoffs.agentTyping(actor, id);
    }
  }

  private void send(JsonObject frame) {
    if (!closed && !ws.isClosed()) {
      ws.writeTextMessage(frame.encode());
    }
  }

  private void cleanUp() {
    if (closed) {
      return;
    }
    closed = true;
    vertx.cancelTimer(pingTimer);
    vertx.cancelTimer(expiryTimer);
    presence.closed(actor.username());
    consumers.forEach(MessageConsumer::unregister);
    conversations.values().forEach(MessageConsumer::unregister);
    conversations.clear();
  }
}
