package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.hazelcast.HazelcastSetup;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.spi.CacheEntry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Hazelcast store on its own: started from simple settings, and the SPI contract. */
class HazelcastStoreTest {
  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();

  @Test
  void aMemberStartedFromSimpleSettingsStoresAndIsShutDownWithTheStore() throws Exception {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HazelcastCacheStore store =
        HazelcastSetup.startMember(
            cluster.name() + "-own", List.of("127.0.0.1:" + port), port, "restcache", false);
    try {
      long generation = store.generation("/own").toCompletableFuture().join();
      assertThat(
              store
                  .put(
                      "k",
                      new CacheEntry(
                          "/own", Set.of("t"), Instant.now().plusSeconds(60), new byte[] {7}),
                      generation)
                  .toCompletableFuture()
                  .join())
          .isTrue();
      assertThat(store.get("k").toCompletableFuture().join()).isPresent();
      store.invalidateTags(Set.of("t")).toCompletableFuture().join();
      assertThat(store.get("k").toCompletableFuture().join()).isEmpty();
      assertThat(
              store
                  .put(
                      "k",
                      new CacheEntry(
                          "/own", Set.of(), Instant.now().plusSeconds(60), new byte[] {7}),
                      generation)
                  .toCompletableFuture()
                  .join())
          .as("a put read before the tag invalidation is refused")
          .isFalse();
    } finally {
      store.close();
    }
  }
}
