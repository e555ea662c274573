package dev.restcache.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import dev.restcache.spi.CacheEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real split brain: two members on 127.0.0.1 that reach each other only through relays ({@link
 * LoopbackProxy}), which the test cuts and restores. A write on either side during the split is
 * never followed by the old entry on either side once the cluster has merged.
 */
class SplitBrainTest {
  private static final String MAP = "split";

  private final LoopbackProxy[] proxies = new LoopbackProxy[2];
  private final HazelcastInstance[] members = new HazelcastInstance[2];
  private final HazelcastCacheStore[] stores = new HazelcastCacheStore[2];

  @AfterEach
  void stop() {
    for (int i = 0; i < 2; i++) {
      if (stores[i] != null) {
        stores[i].close();
      }
      if (members[i] != null) {
        members[i].getLifecycleService().terminate();
      }
      if (proxies[i] != null) {
        proxies[i].close();
      }
    }
  }

  @Test
  void aWriteOnEitherSideDuringASplitIsNeverFollowedByTheOldEntryAfterTheMerge() throws Exception {
    String cluster = "split-" + UUID.randomUUID();
    int[] ports = {freePort(), freePort()};
    for (int i = 0; i < 2; i++) {
      proxies[i] = new LoopbackProxy(ports[i]);
    }
    CountDownLatch merged = new CountDownLatch(1);
    for (int i = 0; i < 2; i++) {
      members[i] =
          Hazelcast.newHazelcastInstance(
              config(
                  cluster,
                  ports[i],
                  proxies[i].port(),
                  List.of(proxies[0].port(), proxies[1].port())));
      members[i]
          .getLifecycleService()
          .addLifecycleListener(
              event -> {
                if (event.getState() == LifecycleState.MERGED) {
                  merged.countDown();
                }
              });
    }
    await(() -> size(0) == 2 && size(1) == 2);
    for (int i = 0; i < 2; i++) {
      stores[i] = new HazelcastCacheStore(members[i], MAP);
    }
    // Both paths were written before (both sides share their generations), then read: one
    // entry per side's write, stored before the split and read through both members.
    stores[0].invalidatePath("/left").toCompletableFuture().join();
    stores[0].invalidatePath("/right").toCompletableFuture().join();
    store(0, "left", "/left", "old left");
    store(0, "right", "/right", "old right");
    assertThat(body(1, "left")).contains("old left");
    assertThat(body(1, "right")).contains("old right");

    proxies[0].cut();
    proxies[1].cut();
    await(() -> size(0) == 1 && size(1) == 1);
    // Each side serves nothing for a while after it lost the other side's member.
    await(() -> body(1, "left").isPresent() && body(0, "right").isPresent());

    stores[0].invalidatePath("/left").toCompletableFuture().join();
    store(0, "left", "/left", "new left");
    stores[1].invalidatePath("/right").toCompletableFuture().join();
    store(1, "right", "/right", "new right");
    // Each side still has the other side's old entry: it cannot know of the write.
    assertThat(body(1, "left")).contains("old left");
    assertThat(body(0, "right")).contains("old right");

    proxies[0].restore();
    proxies[1].restore();
    assertThat(merged.await(120, TimeUnit.SECONDS)).as("merged").isTrue();
    await(() -> size(0) == 2 && size(1) == 2);

    for (int read = 0; read < 20; read++) {
      for (int member = 0; member < 2; member++) {
        assertThat(body(member, "left"))
            .as("left through %d", member)
            .isNotEqualTo(Optional.of("old left"));
        assertThat(body(member, "right"))
            .as("right through %d", member)
            .isNotEqualTo(Optional.of("old right"));
      }
    }
  }

  private int size(int member) {
    return members[member].getCluster().getMembers().size();
  }

  // As a GET does: the generation first, then the put under it.
  private void store(int member, String key, String path, String body) {
    long generation = stores[member].generation(path).toCompletableFuture().join();
    CacheEntry entry =
        new CacheEntry(
            path, Set.of(), Instant.now().plusSeconds(300), body.getBytes(StandardCharsets.UTF_8));
    assertThat(stores[member].put(key, entry, generation).toCompletableFuture().join())
        .as("stored %s through %d", body, member)
        .isTrue();
  }

  private Optional<String> body(int member, String key) {
    return stores[member]
        .get(key)
        .toCompletableFuture()
        .join()
        .map(entry -> new String(entry.payload(), StandardCharsets.UTF_8));
  }

  private static Config config(String cluster, int port, int publicPort, List<Integer> peers) {
    Config config =
        HazelcastSetup.memberConfig(
            cluster, peers.stream().map(p -> "127.0.0.1:" + p).toList(), port, MAP, false);
    config.getNetworkConfig().setPublicAddress("127.0.0.1:" + publicPort);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.partition.count", "23");
    // A split found in seconds and healed soon after, rather than after the production delays.
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "4");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "3");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "2");
    return config;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 120 s").isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
