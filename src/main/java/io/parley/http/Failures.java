package io.parley.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place HTTP failures become {@code {"error":"code","message":"..."}}. */
final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {
  }

  static void install(Router router) {
    router.route().last().handler(ctx -> write(ctx, 404, "not_found", "no such resource: " + ctx.request().path()));
    router.errorHandler(404, ctx -> write(ctx, 404, "not_found", "no such resource: " + ctx.request().path()));
    router.errorHandler(405, ctx -> write(ctx, 405, "method_not_allowed", "method not allowed"));
    router.errorHandler(500, ctx -> {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      write(ctx, 500, "internal", "internal error");
    });
  }

  private static void write(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status);
    ctx.json(new JsonObject().put("error", code).put("message", message));
  }
}
