package io.parley.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
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

  /** Stops accepting and closes open connections (sockets get a close frame), waiting at most 2 s. */
  @Override
  public Future<?> stop() {
    return server.shutdown(2, TimeUnit.SECONDS);
  }

  int actualPort() {
    return server.actualPort();
  }
}
