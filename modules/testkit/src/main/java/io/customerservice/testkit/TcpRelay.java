package io.customerservice.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP relay on loopback in front of a real server, which can be frozen: from then on it keeps
 * every connection open and passes nothing either way, as a network partition does, so callers
 * wait on answers that never come instead of seeing a refused connection.
 */
public final class TcpRelay implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private volatile boolean frozen;

  public TcpRelay(int targetPort) {
    NetClient client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(inbound -> {
      inbound.pause();
      client.connect(targetPort, "127.0.0.1").onComplete(connected -> {
        if (connected.failed()) {
          inbound.close();
          return;
        }
        NetSocket outbound = connected.result();
        relay(inbound, outbound);
        relay(outbound, inbound);
        inbound.resume();
      });
    });
    Bus.await(server.listen(0, "127.0.0.1"));
  }

  private void relay(NetSocket from, NetSocket to) {
    from.handler(bytes -> {
      if (!frozen) {
        to.write(bytes);
      }
    });
    from.closeHandler(closed -> to.close());
  }

  public int port() {
    return server.actualPort();
  }

  public void freeze() {
    frozen = true;
  }

  @Override
  public void close() {
    Bus.await(vertx.close());
  }
}
