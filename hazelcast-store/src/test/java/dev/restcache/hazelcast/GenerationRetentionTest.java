package dev.restcache.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.spi.CacheEntry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The map of generations holds only the paths written lately, and forgetting a generation never
 * lets a GET that raced a write store the old representation: two real members on 127.0.0.1, one
 * store on each.
 */
class GenerationRetentionTest {
  private static final String MAP = "retention";
  private static final Duration RETENTION = Duration.ofSeconds(4);

  private static HazelcastInstance first;
  private static HazelcastInstance second;

  @BeforeAll
  static void startMembers() throws IOException {
    String cluster = "retention-" + UUID.randomUUID();
    List<Integer> ports = List.of(freePort(), freePort());
    first = Hazelcast.newHazelcastInstance(config(cluster, ports.get(0), ports));
    second = Hazelcast.newHazelcastInstance(config(cluster, ports.get(1), ports));
  }

  @AfterAll
  static void stopMembers() {
    second.shutdown();
    first.shutdown();
  }

  @Test
  void aPathsGenerationIsForgottenOnceItsRetentionIsOver() {
    HazelcastCacheStore store = store(first, Clock.systemUTC());
    for (int i = 0; i < 50; i++) {
      store.invalidatePath("/forgotten/" + i).toCompletableFuture().join();
    }
    assertThat(first.getMap(MAP + ".generations").size()).isEqualTo(50);

    await(() -> first.getMap(MAP + ".generations").isEmpty());
  }

  @Test
  void aGetRacingAWriteOnAnotherMemberDoesNotStore() {
    HazelcastCacheStore reader = store(first, Clock.systemUTC());
    HazelcastCacheStore writer = store(second, Clock.systemUTC());
    long read = reader.generation("/raced").toCompletableFuture().join();

    writer.invalidatePath("/raced").toCompletableFuture().join();

    assertThat(reader.put("raced", entry("/raced"), read).toCompletableFuture().join()).isFalse();
    long again = reader.generation("/raced").toCompletableFuture().join();
    assertThat(reader.put("raced", entry("/raced"), again).toCompletableFuture().join()).isTrue();
  }

  @Test
  void aGetWhoseWriteWasForgottenMeanwhileDoesNotStore() {
    HazelcastCacheStore reader = store(first, Clock.systemUTC());
    HazelcastCacheStore writer = store(second, Clock.systemUTC());
    long read = reader.generation("/aba").toCompletableFuture().join();
    writer.invalidatePath("/aba").toCompletableFuture().join();

    // The write's generation is gone: the path reads as it did before the write.
    await(() -> !first.getMap(MAP + ".generations").containsKey("/aba"));

    assertThat(reader.put("aba", entry("/aba"), read).toCompletableFuture().join()).isFalse();
  }

  @Test
  void aGenerationReadLongerAgoThanHalfTheRetentionDoesNotStore() {
    MovableClock clock = new MovableClock();
    HazelcastCacheStore store = store(first, clock);
    long read = store.generation("/slow").toCompletableFuture().join();

    clock.advance(RETENTION.dividedBy(2));

    assertThat(store.put("slow", entry("/slow"), read).toCompletableFuture().join()).isFalse();
  }

  private static HazelcastCacheStore store(HazelcastInstance member, Clock clock) {
    return new HazelcastCacheStore(member, MAP, false, clock, RETENTION);
  }

  private static CacheEntry entry(String path) {
    return new CacheEntry(path, Set.of(), Instant.now().plusSeconds(60), new byte[] {1});
  }

  private static Config config(String cluster, int port, List<Integer> ports) {
    Config config =
        HazelcastSetup.memberConfig(
            cluster, ports.stream().map(p -> "127.0.0.1:" + p).toList(), port, MAP, false);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    return config;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
