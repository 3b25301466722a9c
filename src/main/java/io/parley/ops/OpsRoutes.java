package io.parley.ops;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Map;

/** {@code /health/live}, {@code /health/ready} and {@code /metrics}. */
public final class OpsRoutes {

  private OpsRoutes() {
  }

  public static void mount(Router router, Readiness readiness, ParleyMetrics metrics) {
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(ctx -> {
      Map<String, String> problems = readiness.problems();
      if (problems.isEmpty()) {
        ctx.json(new JsonObject().put("status", "UP"));
      } else {
        JsonObject checks = new JsonObject();
        problems.forEach(checks::put);
        ctx.response().setStatusCode(503);
        ctx.json(new JsonObject()
            .put("status", "DOWN")
            .put("reason", String.join("; ", problems.values()))
            .put("checks", checks));
      }
    });
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
  }
}
