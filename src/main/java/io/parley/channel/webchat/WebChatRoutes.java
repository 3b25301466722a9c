package io.parley.channel.webchat;

import io.parley.config.ServerConfig;
import io.parley.config.WebChatConfig;
import io.parley.conversation.ConversationService;
import io.parley.ops.ParleyMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /ws/chat}: checks the browser origin, upgrades, and hands the socket to a session. */
public final class WebChatRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(WebChatRoutes.class);
  public static final String PATH = "/ws/chat";

  private WebChatRoutes() {
  }

  public static void mount(Router router, Vertx vertx, ConversationService service, ServerConfig server,
      WebChatConfig webchat, ParleyMetrics metrics) {
    List<String> allowed = server.allowedOrigins().stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    router.get(PATH).handler(ctx -> {
      HttpServerRequest req = ctx.request();
      String origin = req.getHeader("Origin");
      if (origin != null && !sameOrigin(origin, req) && !allowed.contains(origin.toLowerCase(Locale.ROOT))) {
        LOG.info("refused /ws/chat from origin {}", origin);
        metrics.error("origin_refused");
        ctx.response().setStatusCode(403);
        ctx.json(new JsonObject().put("error", "origin_refused").put("message", "origin not allowed: " + origin));
        return;
      }
      if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
        ctx.response().setStatusCode(426).putHeader("Upgrade", "websocket");
        ctx.json(new JsonObject().put("error", "upgrade_required").put("message", "this is a WebSocket endpoint"));
        return;
      }
      req.toWebSocket()
          .onSuccess(ws -> new WebChatSession(vertx, ws, service, webchat, metrics).start())
          .onFailure(e -> {
            LOG.debug("websocket upgrade failed: {}", e.toString());
            if (!ctx.response().ended() && !ctx.response().headWritten()) {
              ctx.response().setStatusCode(400);
              ctx.json(new JsonObject().put("error", "bad_handshake").put("message", "WebSocket handshake failed"));
            }
          });
    });
  }

  /** Whether the Origin names the host (and port) the request was sent to. */
  static boolean sameOrigin(String origin, HttpServerRequest req) {
    try {
      URI o = URI.create(origin);
      HostAndPort a = req.authority();
      if (o.getHost() == null || a == null) {
        return false;
      }
      int originPort = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
      int hostPort = a.port() != -1 ? a.port() : req.isSSL() ? 443 : 80;
      return o.getHost().equalsIgnoreCase(a.host()) && originPort == hostPort;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
