package io.parley.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser files of {@code widget/}, carried in the jar under {@code io/parley/widget/}:
 * {@code /widget/*} (the embeddable widget, loadable from any site) and the demo page at {@code /}
 * ({@code /demo/*}), and the agent console at {@code /console/} ({@code /console/*}: its page and
 * modules, same-origin only, under the demo's strict Content-Security-Policy).
 */
public final class StaticRoutes {

  /** Where the build puts {@code widget/} on the classpath. */
  static final String ROOT = "io/parley/widget";
  /** The files keep their names across releases: short caching, then revalidation by Last-Modified. */
  private static final int WIDGET_MAX_AGE_SECONDS = 300;
  private static final int DEMO_MAX_AGE_SECONDS = 60;

  /** The demo page allows only its own scripts, styles and socket: the widget needs nothing inline. */
  static final String DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private StaticRoutes() {
  }

  public static void mount(Router router) {
    StaticHandler widget = StaticHandler.create(FileSystemAccess.RELATIVE, ROOT)
        .setCachingEnabled(true)
        .setMaxAgeSeconds(WIDGET_MAX_AGE_SECONDS)
        .setDirectoryListing(false)
        .setIndexPage("parley.js");
    router.get("/widget/*").handler(ctx -> {
      // module scripts are fetched with CORS: a brokerage's page on another origin must be allowed
      ctx.response().putHeader("Access-Control-Allow-Origin", "*");
      common(ctx, WIDGET_MAX_AGE_SECONDS);
      ctx.next();
    }).handler(widget);

    StaticHandler demo = StaticHandler.create(FileSystemAccess.RELATIVE, ROOT + "/demo")
        .setCachingEnabled(true)
        .setMaxAgeSeconds(DEMO_MAX_AGE_SECONDS)
        .setDirectoryListing(false);
    router.get("/").handler(ctx -> ctx.reroute("/demo/index.html"));
    router.get("/demo/*").handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", DEMO_CSP);
      common(ctx, DEMO_MAX_AGE_SECONDS);
      ctx.next();
    }).handler(demo);

    // the console's modules and the API are on this origin: no CORS header, and no framing
    StaticHandler console = StaticHandler.create(FileSystemAccess.RELATIVE, ROOT + "/console")
        .setCachingEnabled(true)
        .setMaxAgeSeconds(WIDGET_MAX_AGE_SECONDS)
        .setDirectoryListing(false)
        .setIndexPage("index.html");
    router.get("/console").handler(ctx -> {
      // the route matches "/console/" too; only the bare path needs the slash for relative URLs
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
      } else {
        ctx.redirect("/console/");
      }
    });
    router.get("/console/*").handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", DEMO_CSP);
      ctx.response().putHeader("Referrer-Policy", "no-referrer");
      common(ctx, WIDGET_MAX_AGE_SECONDS);
      ctx.next();
    }).handler(console);
  }

  private static void common(RoutingContext ctx, int maxAgeSeconds) {
    ctx.response().putHeader("X-Content-Type-Options", "nosniff");
    ctx.addHeadersEndHandler(v -> {
      if (ctx.normalizedPath().endsWith(".js")) {
        ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8");
      }
      if (ctx.response().headers().contains("Cache-Control")) {
        // StaticHandler says "immutable", which these unversioned file names are not
        ctx.response().putHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
      }
    });
  }
}
