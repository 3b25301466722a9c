package io.parley.agent;

import io.parley.handoff.Actor;
import io.parley.handoff.HandoffException;
import io.parley.handoff.HandoffService;
import io.parley.handoff.Teams;
import io.parley.ops.ParleyMetrics;
import io.parley.store.ConversationNotFoundException;
import io.parley.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent console's HTTP API and socket (contracts §5): {@code POST /api/v1/auth/login}, the agent
 * API under {@code /api/v1/agent/}, the supervisor API under {@code /api/v1/supervisor/}, and
 * {@code GET /ws/agent}. Authentication is checked before routing: every path under the two
 * prefixes answers 401 without a valid token and 403 with a token of the wrong role.
 */
public final class AgentRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(AgentRoutes.class);
  public static final String SOCKET_PATH = "/ws/agent";
  private static final String ACTOR = "parley.actor";
  private static final int MAX_TEXT = 4000;
  /** Checked for unknown usernames so a wrong name costs as long as a wrong password. */
  private static final String DUMMY_HASH =
      "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  private final Vertx vertx;
  private final AgentDirectory directory;
  private final AgentTokens tokens;
  private final LoginThrottle throttle;
  private final AgentPresence presence;
  private final HandoffService handoffs;
  private final ParleyMetrics metrics;
  private final Clock clock;

  public AgentRoutes(Vertx vertx, AgentDirectory directory, AgentTokens tokens, LoginThrottle throttle,
      AgentPresence presence, HandoffService handoffs, ParleyMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.directory = directory;
    this.tokens = tokens;
    this.throttle = throttle;
    this.presence = presence;
    this.handoffs = handoffs;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Mounts every route on {@code router} (auth handlers first). */
  public void mount(Router router) {
    router.route("/api/v1/agent/*").handler(ctx -> authorize(ctx, false));
    router.route("/api/v1/supervisor/*").handler(ctx -> authorize(ctx, true));
    router.route("/api/v1/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));

    router.post("/api/v1/auth/login").handler(this::login);

    router.get("/api/v1/agent/me").handler(ctx -> ok(ctx, me(actor(ctx))));
    router.get("/api/v1/agent/queue").handler(ctx -> reply(ctx, handoffs.queue(actor(ctx))));
    router.post("/api/v1/agent/conversations/:id/claim").handler(ctx ->
        reply(ctx, handoffs.claim(actor(ctx), ctx.pathParam("id")).map(r -> r.toJson())));
    router.get("/api/v1/agent/conversations/:id").handler(ctx ->
        reply(ctx, handoffs.conversationView(actor(ctx), ctx.pathParam("id"))));
    router.post("/api/v1/agent/conversations/:id/messages").handler(ctx -> {
      String text = bodyString(ctx, "text", true);
      if (text == null) {
        return;
      }
      if (text.length() > MAX_TEXT) {
        error(ctx, 400, "bad_request", "text is longer than " + MAX_TEXT + " characters");
        return;
      }
      reply(ctx, handoffs.message(actor(ctx), ctx.pathParam("id"), text).map(e -> e.toJson()));
    });
    router.post("/api/v1/agent/conversations/:id/trade-result").handler(ctx -> {
      JsonObject body = body(ctx);
      if (body == null) {
        return;
      }
      reply(ctx, handoffs.tradeResult(actor(ctx), ctx.pathParam("id"), body.getString("status"),
          body.getString("reference"), body.getString("detail")).map(c -> new JsonObject().put("case", c.toJson())));
    });
    router.post("/api/v1/agent/conversations/:id/resolve").handler(ctx -> {
      JsonObject body = ctx.body().isEmpty() ? new JsonObject() : body(ctx);
      if (body == null) {
        return;
      }
      reply(ctx, handoffs.resolve(actor(ctx), ctx.pathParam("id"), body.getString("disposition"))
          .map(r -> new JsonObject().put("conversationId", r.conversationId()).put("status", "ended")));
    });
    router.get("/api/v1/agent/cases").handler(ctx -> {
      String status = ctx.queryParams().get("status");
      if (status != null && !status.equals("open")) {
        error(ctx, 400, "bad_request", "status=open is the only filter");
        return;
      }
      reply(ctx, handoffs.openCases(actor(ctx)));
    });
    router.post("/api/v1/agent/cases/:caseId/resolve").handler(ctx -> {
      String resolution = bodyString(ctx, "resolution", true);
      if (resolution != null) {
        reply(ctx, handoffs.resolveCase(actor(ctx), ctx.pathParam("caseId"), resolution));
      }
    });

    router.get("/api/v1/supervisor/queues").handler(ctx -> reply(ctx, handoffs.queueStats().map(this::withAgentsOnline)));
    router.get("/api/v1/supervisor/agents").handler(ctx -> ok(ctx, agents()));

    router.get(SOCKET_PATH).handler(this::socket);
  }

  // --- authentication ----------------------------------------------------------------------------

  private Optional<AgentAccount> account(HttpServerRequest req) {
    return claims(req).flatMap(c -> directory.find(c.username()));
  }

  private Optional<AgentTokens.Claims> claims(HttpServerRequest req) {
    String token = null;
    String auth = req.getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = auth.substring(7).trim();
    } else if (req.getParam("token") != null) {
      token = req.getParam("token");
    }
    return tokens.verify(token, clock.instant());
  }

  private void authorize(RoutingContext ctx, boolean supervisorOnly) {
    Optional<AgentAccount> a = account(ctx.request());
    if (a.isEmpty()) {
      error(ctx, 401, "unauthorized", "sign in first: POST /api/v1/auth/login, then send Authorization: Bearer <token>");
      return;
    }
    if (supervisorOnly && !a.get().supervisor()) {
      error(ctx, 403, "forbidden", "this needs the supervisor role");
      return;
    }
    ctx.put(ACTOR, a.get().actor());
    ctx.next();
  }

  private static Actor actor(RoutingContext ctx) {
    return ctx.get(ACTOR);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) {
      return;
    }
    Object u = body.getValue("username");
    Object p = body.getValue("password");
    if (!(u instanceof String username) || !(p instanceof String password) || username.isEmpty() || username.length() > 64
        || password.length() > 1024) {
      error(ctx, 400, "bad_request", "send {\"username\":\"...\",\"password\":\"...\"}");
      return;
    }
    String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    long delay = throttle.delayMillis(username, address);
    Future<Void> waited = delay == 0 ? Future.succeededFuture()
        : Future.future(pr -> vertx.setTimer(delay, t -> pr.complete()));
    waited.compose(v -> vertx.executeBlocking(() -> {
      Optional<AgentAccount> acc = directory.find(username);
      char[] pw = password.toCharArray();
      try {
        boolean ok = PasswordHashes.verify(pw, acc.map(AgentAccount::passwordHash).orElse(DUMMY_HASH));
        return ok ? acc : Optional.<AgentAccount>empty();
      } finally {
        PasswordHashes.wipe(pw);
      }
    }, false)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      if (ar.result().isEmpty()) {
        throttle.failed(username, address);
        metrics.agentLogin(false);
        LOG.info("sign-in refused for user {} from {}", username, address);
        error(ctx, 401, "bad_credentials", "wrong username or password");
        return;
      }
      AgentAccount a = ar.result().get();
      throttle.succeeded(username, address);
      metrics.agentLogin(true);
      LOG.info("agent={} signed in", a.username());
      ok(ctx, me(a.actor()).put("token", tokens.issue(a, clock.instant()))
          .put("expiresAt", clock.instant().plus(tokens.ttl()).toString()));
    });
  }

  private void socket(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    Optional<AgentAccount> a = account(req);
    if (a.isEmpty()) {
      error(ctx, 401, "unauthorized", "the agent socket needs a token (?token= or Authorization: Bearer)");
      return;
    }
    if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
      ctx.response().setStatusCode(426).putHeader("Upgrade", "websocket");
      ctx.json(new JsonObject().put("error", "upgrade_required").put("message", "this is a WebSocket endpoint"));
      return;
    }
    long validFor = Math.max(1, java.time.Duration.between(clock.instant(), claims(req).orElseThrow().expires()).toMillis());
    req.toWebSocket()
        .onSuccess(ws -> new AgentSocket(vertx, ws, a.get().actor(), handoffs, presence).start(validFor))
        .onFailure(e -> LOG.debug("agent socket upgrade failed: {}", e.toString()));
  }

  // --- answers -----------------------------------------------------------------------------------

  private static JsonObject me(Actor a) {
    return new JsonObject().put("username", a.username()).put("displayName", a.displayName())
        .put("role", a.supervisor() ? AgentAccount.SUPERVISOR : AgentAccount.AGENT)
        .put("teams", new JsonArray(Teams.IDS.stream().filter(t -> a.teams().contains(t)).toList()))
        .put("languages", new JsonArray(a.languages().stream().sorted().toList()))
        .put("capacity", a.capacity());
  }

  private JsonObject withAgentsOnline(JsonObject stats) {
    var online = presence.online();
    for (String team : Teams.IDS) {
      long n = online.stream().map(directory::find).flatMap(Optional::stream)
          .filter(acc -> acc.teams().contains(team)).count();
      stats.getJsonObject(team).put("agentsOnline", n);
    }
    return new JsonObject().put("teams", stats).put("agentsOnlineScope", "this instance")
        .put("at", clock.instant().toString());
  }

  private JsonObject agents() {
    var online = presence.online();
    JsonArray list = new JsonArray();
    directory.all().forEach(a -> list.add(me(a.actor()).put("online", online.contains(a.username()))));
    return new JsonObject().put("agents", list);
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject j = ctx.body().asJsonObject();
      if (j == null) {
        error(ctx, 400, "bad_request", "send a JSON object");
      }
      return j;
    } catch (RuntimeException e) {
      error(ctx, 400, "bad_json", "the body is not a JSON object");
      return null;
    }
  }

  private static String bodyString(RoutingContext ctx, String field, boolean required) {
    JsonObject body = body(ctx);
    if (body == null) {
      return null;
    }
    Object v = body.getValue(field);
    if (!(v instanceof String s) || (required && s.isBlank())) {
      error(ctx, 400, "bad_request", "\"" + field + "\" must be a non-empty string");
      return null;
    }
    return s;
  }

  private static void ok(RoutingContext ctx, Object body) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(200);
      ctx.json(body);
    }
  }

  private static <T> void reply(RoutingContext ctx, Future<T> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        ok(ctx, ar.result());
        return;
      }
      Throwable e = ar.cause();
      if (e instanceof HandoffException h) {
        error(ctx, h.status(), h.code(), h.getMessage());
      } else if (e instanceof ConversationNotFoundException) {
        error(ctx, 404, "not_found", e.getMessage());
      } else if (e instanceof StoreUnavailableException) {
        error(ctx, 503, "store_unavailable", "the store is not reachable; try again");
      } else {
        ctx.fail(e);
      }
    });
  }

  static void error(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status);
    ctx.json(new JsonObject().put("error", code).put("message", message));
  }
}
