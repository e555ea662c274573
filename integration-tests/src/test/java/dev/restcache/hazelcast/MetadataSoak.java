package dev.restcache.hazelcast;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metadata soak of issue 16, run by hand (it takes minutes): two members on 127.0.0.1, one
 * store, a number of distinct paths each written once (an eviction, as a PUT makes, and a collapse
 * lease, as a miss takes), and the sizes of the generations and leases maps printed every five
 * seconds while it runs and until they have drained. The bound it checks: the generations map never
 * holds more than the paths written in the last retention (plus the store-wide entries), and both
 * maps are empty once the retention has passed.
 *
 * <pre>
 * ./mvnw -B -o -q -pl integration-tests -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/soak.classpath -Dmdep.includeScope=test
 * cd integration-tests
 * java -cp target/test-classes:target/classes:$(cat target/soak.classpath) \
 *     dev.restcache.hazelcast.MetadataSoak 1000000 60
 * </pre>
 *
 * <p>({@code exec:java} would run the demo: the build fixes its main class.)
 *
 * <p>Arguments: the number of paths (default 1,000,000), the generation retention in seconds
 * (default 60; the store's own is ten minutes, which would only make the run longer).
 */
public final class MetadataSoak {
  private static final int IN_FLIGHT = 64;

  private MetadataSoak() {}

  /**
   * Runs the soak.
   *
   * @param args the number of paths, the retention in seconds
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int paths = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Duration retention = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
    String cluster = "soak-" + UUID.randomUUID();
    List<Integer> ports = List.of(LoopbackPorts.free(), LoopbackPorts.free());
    HazelcastInstance first =
        Hazelcast.newHazelcastInstance(LoopbackMembers.config(cluster, ports.get(0), ports, false));
    HazelcastInstance second =
        Hazelcast.newHazelcastInstance(LoopbackMembers.config(cluster, ports.get(1), ports, false));
    HazelcastCacheStore store =
        new HazelcastCacheStore(first, "soak", false, Clock.systemUTC(), retention);
    AtomicLong written = new AtomicLong();
    long started = System.nanoTime();
    long[] largest = new long[2];
    Thread reporter =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long generations = first.getMap("soak.generations").size();
                long leases = first.getMap("soak.leases").size();
                largest[0] = Math.max(largest[0], generations);
                largest[1] = Math.max(largest[1], leases);
                System.out.printf(
                    "%4d s: written %8d, generations %8d, leases %6d%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                    written.get(),
                    generations,
                    leases);
                try {
                  Thread.sleep(5_000);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    reporter.setDaemon(true);
    reporter.start();

    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    for (int i = 0; i < paths; i++) {
      inFlight.acquire();
      String path = "/soak/" + i;
      // Only counted: a failed write shows as a path short of the total.
      var unused =
          CompletableFuture.allOf(
                  store.invalidatePath(path).toCompletableFuture(),
                  store.tryLease(path, Duration.ofSeconds(5)).toCompletableFuture())
              .whenComplete(
                  (done, e) -> {
                    written.incrementAndGet();
                    inFlight.release();
                  });
    }
    inFlight.acquire(IN_FLIGHT);
    long writing = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    System.out.printf(
        "wrote %d paths in %d s; waiting for the retention (%d s)%n",
        paths, writing, retention.toSeconds());
    long deadline = System.nanoTime() + retention.multipliedBy(3).toNanos();
    while (first.getMap("soak.generations").size() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
    }
    Thread.sleep(5_000);
    reporter.interrupt();
    System.out.printf(
        "largest: generations %d, leases %d; at the end: generations %d,"
            + " leases %d, %d s after the start%n",
        largest[0],
        largest[1],
        first.getMap("soak.generations").size(),
        first.getMap("soak.leases").size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    store.close();
    second.shutdown();
    first.shutdown();
  }
}
