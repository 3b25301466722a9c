package io.parley.channel.webchat;

import io.parley.config.WebChatConfig;
import io.parley.conversation.Addresses;
import io.parley.conversation.BadResumeTokenException;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationEvents;
import io.parley.conversation.ConversationService;
import io.parley.conversation.InboundMessage;
import io.parley.nlu.Language;
import io.parley.conversation.TranscriptEntry;
import io.parley.ops.ParleyMetrics;
import io.parley.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One web chat connection (contracts §1). Everything here runs on the socket's event loop.
 *
 * <p>Delivery: after {@code hello} the session listens to the conversation's events, then replays
 * the stored entries after the client's {@code lastSeq}, buffering live events meanwhile; every entry
 * is sent once, in seq order ({@code lastSent}), and a gap is filled from the store. The customer's
 * own message is acknowledged as soon as it is stored, before its echo and the replies.
 */
final class WebChatSession {

  private static final Logger LOG = LoggerFactory.getLogger(WebChatSession.class);
  private static final int MAX_CLIENT_MSG_ID = 128;
  private static final int MAX_CUSTOMER_ID = 256;
  private static final String CHANNEL = "webchat";

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final ConversationService service;
  private final WebChatConfig config;
  private final ParleyMetrics metrics;

  private enum Phase { NEW, HELLO_PENDING, OPEN, CLOSED }

  private Phase phase = Phase.NEW;
  private final List<String> heldBeforeWelcome = new ArrayList<>();
  private String conversationId;
  private MessageConsumer<JsonObject> consumer;
  private long lastSent;
  private boolean catchingUp;
  private final List<JsonObject> buffered = new ArrayList<>();
  private int badInRow;
  private final ArrayDeque<Long> recentMessages = new ArrayDeque<>();
  private long lastActivity = System.nanoTime();
  private long pingTimer = -1;
  private Buffer assembling;
  /** Typing is passed on to the agent at most once a second. */
  private static final long TYPING_EVERY_NANOS = 1_000_000_000L;
  private long lastTypingNanos = System.nanoTime() - TYPING_EVERY_NANOS;
  private boolean assemblingText;

  WebChatSession(Vertx vertx, ServerWebSocket ws, ConversationService service, WebChatConfig config,
      ParleyMetrics metrics) {
    this.vertx = vertx;
    this.ws = ws;
    this.service = service;
    this.config = config;
    this.metrics = metrics;
  }

  void start() {
    metrics.connectionOpened();
    ws.frameHandler(this::onFrame);
    ws.pongHandler(b -> touch());
    ws.exceptionHandler(e -> LOG.debug("conv={} channel=webchat socket error: {}", conversationId, e.toString()));
    ws.closeHandler(v -> cleanUp());
    long every = config.pingInterval().toMillis();
    pingTimer = vertx.setPeriodic(every, every, id -> keepAlive());
  }

  private void keepAlive() {
    if (phase == Phase.CLOSED) {
      return;
    }
    if (System.nanoTime() - lastActivity > config.idleTimeout().toNanos()) {
      LOG.debug("conv={} channel=webchat idle; closing", conversationId);
      ws.close((short) 1001, "idle timeout");
      return;
    }
    ws.writePing(Buffer.buffer());
  }

  private void cleanUp() {
    if (phase == Phase.CLOSED) {
      return;
    }
    phase = Phase.CLOSED;
    metrics.connectionClosed();
    vertx.cancelTimer(pingTimer);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  private void touch() {
    lastActivity = System.nanoTime();
  }

  // --- client frames -------------------------------------------------------------------------------

  /**
   * Assembles data frames into messages here rather than in Vert.x, so that the protocol's limits
   * answer as RFC 6455 says: a message over the size limit closes with 1009, a text message that is
   * not valid UTF-8 with 1007.
   */
  private void onFrame(WebSocketFrame frame) {
    touch();
    if (phase == Phase.CLOSED || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
      return;
    }
    if (!frame.isContinuation()) {
      assembling = Buffer.buffer();
      assemblingText = frame.isText();
    } else if (assembling == null) {
      ws.close((short) 1002, "continuation without a first frame");
      return;
    }
    assembling.appendBuffer(frame.binaryData());
    if (assembling.length() > config.maxFrameBytes()) {
      assembling = null;
      metrics.error("message_too_big");
      ws.close((short) 1009, "message over " + config.maxFrameBytes() + " bytes");
      return;
    }
    if (!frame.isFinal()) {
      return;
    }
    Buffer message = assembling;
    assembling = null;
    if (!assemblingText) {
      refuse(ErrorCode.BAD_FRAME, "binary frames are not part of this protocol; send JSON text frames", null);
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(message.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      metrics.error("invalid_utf8");
      ws.close((short) 1007, "text frame is not valid UTF-8");
      return;
    }
    onText(text);
  }

  private void onText(String text) {
    touch();
    if (phase == Phase.CLOSED) {
      return;
    }
    if (phase == Phase.HELLO_PENDING) {
      heldBeforeWelcome.add(text);
      return;
    }
    JsonObject frame;
    try {
      Object parsed = Json.decodeValue(text);
      if (!(parsed instanceof JsonObject o)) {
        refuse(ErrorCode.BAD_FRAME, "a frame must be one JSON object", null);
        return;
      }
      frame = o;
    } catch (DecodeException e) {
      refuse(ErrorCode.BAD_JSON, "not valid JSON", null);
      return;
    }
    Object type = frame.getValue("type");
    if (!(type instanceof String t)) {
      refuse(ErrorCode.BAD_FRAME, "missing \"type\"", null);
      return;
    }
    if (phase == Phase.NEW && !"hello".equals(t)) {
      refuse(ErrorCode.HELLO_REQUIRED, "send hello first", null);
      return;
    }
    switch (t) {
      case "hello" -> onHello(frame);
      case "message" -> onMessage(frame, false);
      case "postback" -> onMessage(frame, true);
      case "typing" -> {
        badInRow = 0;
        long now = System.nanoTime();
        if (conversationId != null && now - lastTypingNanos > TYPING_EVERY_NANOS) {
          lastTypingNanos = now;
          service.customerTyping(conversationId);
        }
      }
      default -> refuse(ErrorCode.UNKNOWN_TYPE, "unknown type: " + t, null);
    }
  }

  private void onHello(JsonObject frame) {
    if (phase != Phase.NEW) {
      refuse(ErrorCode.BAD_FRAME, "hello was already sent", null);
      return;
    }
    Object locale = frame.getValue("locale");
    Object token = frame.getValue("resumeToken");
    Object lastSeq = frame.getValue("lastSeq");
    if (locale != null && !(locale instanceof String l && Language.fromTag(l).isPresent())) {
      refuse(ErrorCode.BAD_FRAME, "locale must be zh-Hans, zh-Hant or en", null);
      return;
    }
    if (token != null && !(token instanceof String)) {
      refuse(ErrorCode.BAD_FRAME, "resumeToken must be a string", null);
      return;
    }
    if (lastSeq != null && !(lastSeq instanceof Number n && n.doubleValue() == Math.floor(n.doubleValue())
        && n.longValue() >= 0)) {
      refuse(ErrorCode.BAD_FRAME, "lastSeq must be a whole number >= 0", null);
      return;
    }
    Object identity = frame.getValue("identity");
    String identityProblem = identityShapeProblem(identity);
    if (identityProblem != null) {
      refuse(ErrorCode.BAD_FRAME, identityProblem, null);
      return;
    }
    badInRow = 0;
    phase = Phase.HELLO_PENDING;
    String lang = locale == null ? Conversation.AUTO_LOCALE : (String) locale;
    long after = lastSeq == null ? 0 : ((Number) lastSeq).longValue();
    String customer = verifiedCustomer((JsonObject) identity);
    Future<Void> opened;
    if (token == null) {
      opened = openNew(lang, customer);
    } else {
      opened = service.resume((String) token).compose(c -> {
        if (customer != null && c.customerRef() != null && !customer.equals(c.customerRef())) {
          // The token is of another customer's conversation (a shared browser): a verified customer
          // never sees it. Without a verified identity the token alone decides, as it always does.
          send(Frames.error(ErrorCode.BAD_RESUME_TOKEN, "this conversation belongs to another customer; a new conversation starts", null));
          metrics.error(ErrorCode.BAD_RESUME_TOKEN.wire());
          return openNew(lang, customer);
        }
        welcome(c.id(), (String) token, c.seq(), c.locale());
        return attach(c.id(), Math.min(after, c.seq())).compose(v -> sendHandoffState(c.id()));
      }, e -> {
        if (e instanceof BadResumeTokenException) {
          send(Frames.error(ErrorCode.BAD_RESUME_TOKEN, "unknown or expired resumeToken; a new conversation starts", null));
          metrics.error(ErrorCode.BAD_RESUME_TOKEN.wire());
          return openNew(lang, customer);
        }
        return Future.failedFuture(e);
      });
    }
    opened.onComplete(ar -> {
      if (ar.failed()) {
        phase = Phase.NEW;
        heldBeforeWelcome.clear();
        if (consumer != null) {
          consumer.unregister();
          consumer = null;
        }
        conversationId = null;
        fail(ar.cause(), null);
        return;
      }
      phase = Phase.OPEN;
      List<String> held = new ArrayList<>(heldBeforeWelcome);
      heldBeforeWelcome.clear();
      held.forEach(this::onText);
    });
  }

  /**
   * Why {@code identity} is not of the protocol's shape ({@code {"customerId","name"?,"hash"}}), or
   * null when it is absent or well formed.
   */
  private static String identityShapeProblem(Object identity) {
    if (identity == null) {
      return null;
    }
    if (!(identity instanceof JsonObject id)) {
      return "identity must be an object {customerId, name?, hash}";
    }
    if (!(id.getValue("customerId") instanceof String cid) || cid.isBlank() || cid.length() > MAX_CUSTOMER_ID) {
      return "identity.customerId must be a string of 1 to " + MAX_CUSTOMER_ID + " characters";
    }
    if (!(id.getValue("hash") instanceof String)) {
      return "identity.hash must be a string";
    }
    if (id.getValue("name") != null && !(id.getValue("name") instanceof String)) {
      return "identity.name must be a string";
    }
    return null;
  }

  /**
   * The customer id of a well-formed identity whose hash verifies, else null. Without a secret the
   * identity is ignored (contracts §3); a hash that does not verify gets {@code bad_identity} and the
   * conversation stays anonymous.
   */
  private String verifiedCustomer(JsonObject identity) {
    if (identity == null) {
      return null;
    }
    if (!config.verifiesIdentity()) {
      LOG.debug("channel=webchat identity ignored: no webchat.identity_secret (PARLEY_IDENTITY_SECRET) is set");
      return null;
    }
    String customerId = identity.getString("customerId");
    if (IdentityHash.verify(config.identitySecret(), customerId, identity.getString("hash"))) {
      return customerId;
    }
    metrics.error(ErrorCode.BAD_IDENTITY.wire());
    send(Frames.error(ErrorCode.BAD_IDENTITY, "identity hash does not verify; the conversation stays anonymous", null));
    return null;
  }

  /** After a resume's replay: the current handoff frame, if a person has or will have the conversation. */
  private Future<Void> sendHandoffState(String id) {
    return service.currentHandoffFrame(id)
        .map(frame -> {
          if (frame != null) {
            send(frame);
          }
          return (Void) null;
        })
        .otherwise(e -> {
          LOG.warn("conv={} channel=webchat handoff state not sent on resume: {}", id, e.toString());
          return null;
        });
  }

  private Future<Void> openNew(String lang, String verifiedCustomer) {
    return service.open(CHANNEL, lang, verifiedCustomer, verifiedCustomer != null).compose(o -> {
      welcome(o.conversation().id(), o.resumeToken(), 0, lang);
      return attach(o.conversation().id(), 0);
    });
  }

  private void welcome(String id, String token, long seq, String locale) {
    conversationId = id;
    send(Frames.welcome(id, token, seq, locale));
  }

  private void onMessage(JsonObject frame, boolean postback) {
    Object text = frame.getValue(postback ? "payload" : "text");
    Object title = frame.getValue("title");
    Object id = frame.getValue("clientMsgId");
    if (!(text instanceof String s) || s.isBlank()) {
      refuse(ErrorCode.BAD_FRAME, postback ? "postback needs a non-empty \"payload\"" : "message needs a non-empty \"text\"", null);
      return;
    }
    if (!(id instanceof String cid) || cid.isEmpty() || cid.length() > MAX_CLIENT_MSG_ID) {
      refuse(ErrorCode.BAD_FRAME, "\"clientMsgId\" must be a string of 1 to " + MAX_CLIENT_MSG_ID + " characters", null);
      return;
    }
    if (title != null && !(title instanceof String)) {
      refuse(ErrorCode.BAD_FRAME, "title must be a string", cid);
      return;
    }
    if (!withinRate()) {
      refuse(ErrorCode.RATE_LIMITED, "too many messages; wait a few seconds and resend with the same clientMsgId", cid);
      return;
    }
    badInRow = 0;
    metrics.messageIn(CHANNEL);
    String shown = postback ? (title == null || ((String) title).isBlank() ? s : (String) title) : s;
    InboundMessage in = new InboundMessage(conversationId, shown, postback ? s : null, cid);
    service.receive(in).onComplete(ar -> {
      if (ar.succeeded()) {
        send(Frames.ack(cid, ar.result().seq()));
      } else {
        fail(ar.cause(), cid);
      }
    });
  }

  private boolean withinRate() {
    long now = System.nanoTime();
    long window = config.rateLimitWindow().toNanos();
    while (!recentMessages.isEmpty() && now - recentMessages.peekFirst() >= window) {
      recentMessages.pollFirst();
    }
    if (recentMessages.size() >= config.rateLimitMessages()) {
      return false;
    }
    recentMessages.addLast(now);
    return true;
  }

  // --- delivery ------------------------------------------------------------------------------------

  /** Listens to the conversation, then replays what the client has not seen. */
  private Future<Void> attach(String id, long after) {
    lastSent = after;
    catchingUp = true;
    consumer = vertx.eventBus().localConsumer(Addresses.conversation(id), m -> onEvent(m.body()));
    return consumer.completion().compose(v -> catchUp());
  }

  private Future<Void> catchUp() {
    return service.entries(conversationId, lastSent).compose(entries -> {
      entries.forEach(this::deliver);
      if (entries.size() == ConversationService.PAGE) {
        return catchUp();
      }
      catchingUp = false;
      List<JsonObject> pending = new ArrayList<>(buffered);
      buffered.clear();
      pending.forEach(this::onEvent);
      return Future.succeededFuture();
    });
  }

  private void onEvent(JsonObject event) {
    if (phase == Phase.CLOSED) {
      return;
    }
    String type = event.getString(ConversationEvents.TYPE);
    if (ConversationEvents.FRAME.equals(type) && event.getJsonObject(ConversationEvents.FRAME) != null) {
      if (catchingUp) {
        buffered.add(event);
      } else {
        send(event.getJsonObject(ConversationEvents.FRAME));
      }
      return;
    }
    if (!ConversationEvents.ENTRY.equals(type)) {
      return;
    }
    if (catchingUp) {
      buffered.add(event);
      return;
    }
    TranscriptEntry e = TranscriptEntry.fromJson(event.getJsonObject(ConversationEvents.ENTRY));
    if (e.seq() <= lastSent) {
      return;
    }
    if (e.seq() == lastSent + 1) {
      deliver(e);
      return;
    }
    catchingUp = true;
    buffered.add(event);
    catchUp().onFailure(err -> {
      LOG.warn("conv={} channel=webchat catch-up failed: {}", conversationId, err.toString());
      ws.close((short) 1011, "please resume");
    });
  }

  private void deliver(TranscriptEntry e) {
    if (e.seq() <= lastSent) {
      return;
    }
    lastSent = e.seq();
    send(Frames.message(e));
    if (e.from() != io.parley.conversation.Author.CUSTOMER) {
      metrics.messageOut(CHANNEL);
    }
  }

  // --- answers -------------------------------------------------------------------------------------

  private void send(JsonObject frame) {
    if (phase != Phase.CLOSED && !ws.isClosed()) {
      ws.writeTextMessage(frame.encode());
    }
  }

  /** Answers a frame the server will not process; too many in a row close the socket with 1008. */
  private void refuse(ErrorCode code, String message, String clientMsgId) {
    metrics.error(code.wire());
    send(Frames.error(code, message, clientMsgId));
    if (code.clientFault() && ++badInRow >= config.maxBadFrames()) {
      LOG.info("conv={} channel=webchat closed after {} bad frames in a row", conversationId, badInRow);
      ws.close((short) 1008, "too many bad frames");
    }
  }

  private void fail(Throwable e, String clientMsgId) {
    if (e instanceof StoreUnavailableException) {
      LOG.warn("conv={} channel=webchat store unavailable: {}", conversationId, e.getMessage());
      refuse(ErrorCode.STORE_UNAVAILABLE, "not stored: the service is not available right now; resend with the same clientMsgId",
          clientMsgId);
    } else if (ConversationService.notFound(e)) {
      refuse(ErrorCode.BAD_RESUME_TOKEN, "this conversation has expired; send hello without resumeToken", clientMsgId);
    } else {
      LOG.error("conv={} channel=webchat internal error", conversationId, e);
      refuse(ErrorCode.INTERNAL, "internal error; resend with the same clientMsgId", clientMsgId);
    }
  }
}
