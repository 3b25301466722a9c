package io.parley.widget;

import static io.parley.testing.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server, for network losses: {@link #drop()} cuts every connection without
 * a WebSocket close, {@link #block(boolean)} refuses new ones until unblocked.
 */
final class TcpProxy implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean blocked;

  private TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(in -> {
      if (blocked) {
        in.close();
        return;
      }
      in.pause();
      client.connect(targetPort, targetHost).onSuccess(out -> {
        open.add(in);
        open.add(out);
        in.handler(out::write);
        out.handler(in::write);
        in.closeHandler(v -> { open.remove(in); out.close(); });
        out.closeHandler(v -> { open.remove(out); in.close(); });
        in.resume();
      }).onFailure(e -> in.close());
    });
  }

  static TcpProxy start(Vertx vertx, int targetPort) {
    return start(vertx, "127.0.0.1", targetPort);
  }

  static TcpProxy start(Vertx vertx, String targetHost, int targetPort) {
    TcpProxy p = new TcpProxy(vertx, targetHost, targetPort);
    await(p.server.listen(0, "127.0.0.1"));
    return p;
  }

  int port() {
    return server.actualPort();
  }

  /** Cuts every relayed connection at once (as a network loss does). */
  void drop() {
    open.forEach(NetSocket::close);
  }

  void block(boolean blocked) {
    this.blocked = blocked;
  }

  @Override
  public void close() {
    drop();
    await(server.close());
    await(client.close());
  }
}
