package io.parley.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/** One HTTP server instance (one per event loop); the routes come from {@link ParleyServer}. */
final class HttpVerticle extends VerticleBase {

  private final HttpServerOptions options;
  private final Function<io.vertx.core.Vertx, Router> routes;
  private HttpServer server;

  HttpVerticle(HttpServerOptions options, Function<io.vertx.core.Vertx, Router> routes) {
    this.options = options;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(options).requestHandler(routes.apply(vertx));
    return server.listen();
  }

  int actualPort() {
    return server.actualPort();
  }
}
