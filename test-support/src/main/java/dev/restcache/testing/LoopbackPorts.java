package dev.restcache.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free ports on 127.0.0.1 for test servers and cluster members. */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  /**
   * A port between 20000 and 32000 that is free now. Below Linux's ephemeral range (32768 and up):
   * a cluster's ports are all chosen before its first member starts, and an ephemeral port could
   * meanwhile be taken by the outgoing connection of a member started earlier.
   */
  public static int free() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Try another.
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000 on 127.0.0.1");
  }
}
