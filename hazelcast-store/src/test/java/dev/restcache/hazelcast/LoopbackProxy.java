package dev.restcache.hazelcast;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of one member's port, which the test can cut (every connection
 * through it closed, new ones refused) and restore: a network split between members that reach each
 * other only through their relays.
 */
final class LoopbackProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

  LoopbackProxy(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "proxy-" + target);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port members reach the target member through. */
  int port() {
    return listener.getLocalPort();
  }

  /** Closes every connection through the relay and refuses new ones. */
  void cut() {
    cut = true;
    open.forEach(LoopbackProxy::closeQuietly);
    open.clear();
  }

  /** Relays new connections again. */
  void restore() {
    cut = false;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(listener);
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException closed) {
        return;
      }
      if (cut) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException refused) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  out.write(buffer, 0, n);
                }
              } catch (IOException closed) {
                // the other direction, or cut(), closed the pair
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "proxy-pump-" + target);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
