package dev.restcache.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.LocalMapStats;
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
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The metadata soak of issue 16, run by hand (it takes minutes): two members on 127.0.0.1 with
 * restcache's member configuration, a store on each, a number of distinct paths each written once
 * (an eviction, as a PUT makes, and a collapse lease, as a miss takes, never released), and the
 * sizes and memory of the generations and leases maps printed every two seconds while it runs and
 * until they have drained.
 *
 * <p>The bound it checks at every sample: the generations map holds no more than the paths written
 * in the last retention plus {@link #SWEEP_BOUND} (and the store-wide keys), its backups no more
 * than those of the last retention plus {@link #SWEEP_BOUND} plus Hazelcast's ten-second backup
 * expiry delay; the leases map likewise with the lease's time to live. A write is counted when it
 * is sent, before its generation is set, so the count is an upper bound of what may still live. It
 * exits with status 1 and a line starting {@code BOUND EXCEEDED} if a sample is over the bound, or
 * if the maps have not drained by then; with status 2 if a write failed.
 *
 * <pre>
 * ./mvnw -B -o -q -pl integration-tests -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/soak.classpath -Dmdep.includeScope=test
 * cd integration-tests
 * nice -n 5 java -cp target/test-classes:target/classes:$(cat target/soak.classpath) \
 *     dev.restcache.hazelcast.MetadataSoak 1000000 60 271
 * </pre>
 *
 * <p>(docs/hazelcast.md has what that run measured.)
 *
 * <p>({@code exec:java} would run the demo: the build fixes its main class.)
 *
 * <p>Arguments: the number of paths (default 1,000,000), the generation retention in seconds
 * (default 60; the store's own is ten minutes, which would only make the run longer), the number of
 * partitions (default 271, Hazelcast's). The evictions' removals run in the background, one query
 * (one operation per partition) per batch of paths, so 271 partitions no longer hold the writing
 * rate down; with fewer partitions the sweep has more entries per partition to look at in each of
 * its operations.
 */
public final class MetadataSoak {
  /**
   * How long after its time to live an expired entry may still be held by its owner: restcache's
   * sweep visits every partition each second and looks at all its expiring entries, as many as it
   * gets through in a millisecond per map; the rest is for a loaded machine.
   */
  static final Duration SWEEP_BOUND = Duration.ofSeconds(20);

  // Hazelcast's hazelcast.map.expiry.delay.seconds: a backup expires this long after its primary.
  private static final Duration BACKUP_DELAY = Duration.ofSeconds(10);
  private static final Duration LEASE = Duration.ofSeconds(5);
  // The store-wide tag generation and the epoch.
  private static final int STORE_WIDE_KEYS = 2;
  private static final int IN_FLIGHT = 256;
  private static final int SAMPLE_SECONDS = 2;
  private static final int MAX_SECONDS = 6 * 3600;

  private final List<HazelcastInstance> members;
  private final Duration retention;
  private final long started = System.nanoTime();
  // Writes sent in each second since the start.
  private final AtomicLongArray sent = new AtomicLongArray(MAX_SECONDS);
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Largest largest = new Largest();
  private volatile String exceeded;

  private MetadataSoak(List<HazelcastInstance> members, Duration retention) {
    this.members = members;
    this.retention = retention;
  }

  /**
   * Runs the soak.
   *
   * @param args the number of paths, the retention in seconds
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int paths = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Duration retention = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
    String partitions = args.length > 2 ? args[2] : "271";
    String cluster = "soak-" + UUID.randomUUID();
    List<Integer> ports = List.of(LoopbackPorts.free(), LoopbackPorts.free());
    HazelcastInstance first = start(cluster, ports.get(0), ports, partitions);
    HazelcastInstance second = start(cluster, ports.get(1), ports, partitions);
    System.out.printf(
        "%d paths, retention %d s, %s partitions%n", paths, retention.toSeconds(), partitions);
    MetadataSoak soak = new MetadataSoak(List.of(first, second), retention);
    int status = soak.run(paths);
    first.shutdown();
    second.shutdown();
    System.exit(status);
  }

  private static HazelcastInstance start(
      String cluster, int port, List<Integer> ports, String partitions) {
    Config config = LoopbackMembers.config(cluster, port, ports, false);
    config.setProperty("hazelcast.partition.count", partitions);
    return Hazelcast.newHazelcastInstance(config);
  }

  private int run(int paths) throws InterruptedException {
    List<HazelcastCacheStore> stores =
        members.stream()
            .map(
                member ->
                    new HazelcastCacheStore(member, "soak", false, Clock.systemUTC(), retention))
            .toList();
    Thread reporter = new Thread(this::report, "soak-reporter");
    reporter.setDaemon(true);
    reporter.start();

    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    for (int i = 0; i < paths; i++) {
      inFlight.acquire();
      String path = "/soak/" + i;
      // Two application instances: each path is written through one member or the other.
      HazelcastCacheStore store = stores.get(i % stores.size());
      sent.incrementAndGet(secondsSinceStart());
      // Only counted: a failure makes the run invalid, and is reported at the end.
      var unused =
          CompletableFuture.allOf(
                  store.invalidatePath(path).toCompletableFuture(),
                  store.tryLease(path, LEASE).toCompletableFuture())
              .whenComplete(
                  (done, e) -> {
                    if (e != null) {
                      failed.incrementAndGet();
                    }
                    written.incrementAndGet();
                    inFlight.release();
                  });
    }
    inFlight.acquire(IN_FLIGHT);
    long lastWrite = secondsSinceStart();
    System.out.printf(
        "wrote %d paths in %d s (%d a second); waiting for the retention (%d s)%n",
        paths, lastWrite, paths / Math.max(1, lastWrite), retention.toSeconds());

    long deadline = lastWrite + retention.plus(SWEEP_BOUND).plus(BACKUP_DELAY).toSeconds() + 10;
    long generationsDrained = -1;
    long allDrained = -1;
    while (secondsSinceStart() < deadline) {
      Sizes now = Sizes.of(members);
      if (generationsDrained < 0 && now.generations() <= STORE_WIDE_KEYS && now.leases() == 0) {
        generationsDrained = secondsSinceStart() - lastWrite;
      }
      if (now.isDrained(STORE_WIDE_KEYS)) {
        allDrained = secondsSinceStart() - lastWrite;
        break;
      }
      Thread.sleep(1_000);
    }
    reporter.interrupt();
    reporter.join();
    stores.forEach(HazelcastCacheStore::close);

    System.out.printf(
        "largest: generations %d (backups %d), leases %d (backups %d),"
            + " metadata memory %.1f MiB across both members%n",
        largest.generations,
        largest.generationBackups,
        largest.leases,
        largest.leaseBackups,
        largest.memoryCost / (1024.0 * 1024.0));
    System.out.printf(
        "drained (owners) %s, with backups %s after the last write; retention %d s%n",
        generationsDrained < 0 ? "never" : generationsDrained + " s",
        allDrained < 0 ? "never" : allDrained + " s",
        retention.toSeconds());
    if (failed.get() > 0) {
      System.out.printf("WRITES FAILED: %d of %d; the run does not count%n", failed.get(), paths);
      return 2;
    }
    if (exceeded == null && allDrained < 0) {
      exceeded = "the maps had not drained " + (deadline - lastWrite) + " s after the last write";
    }
    if (exceeded != null) {
      System.out.println("BOUND EXCEEDED: " + exceeded);
      return 1;
    }
    System.out.printf(
        "bound held: generations within the paths written in the last %d s, backups %d s,"
            + " leases %d s%n",
        retention.plus(SWEEP_BOUND).toSeconds(),
        retention.plus(SWEEP_BOUND).plus(BACKUP_DELAY).toSeconds(),
        LEASE.plus(SWEEP_BOUND).toSeconds());
    return 0;
  }

  private void report() {
    while (!Thread.currentThread().isInterrupted()) {
      sample();
      try {
        Thread.sleep(SAMPLE_SECONDS * 1_000L);
      } catch (InterruptedException e) {
        sample();
        return;
      }
    }
  }

  private void sample() {
    Sizes now = Sizes.of(members);
    largest.add(now);
    long generationBound = writtenWithin(retention.plus(SWEEP_BOUND)) + STORE_WIDE_KEYS;
    long backupBound =
        writtenWithin(retention.plus(SWEEP_BOUND).plus(BACKUP_DELAY)) + STORE_WIDE_KEYS;
    long leaseBound = writtenWithin(LEASE.plus(SWEEP_BOUND));
    long leaseBackupBound = writtenWithin(LEASE.plus(SWEEP_BOUND).plus(BACKUP_DELAY));
    System.out.printf(
        "%4d s: written %8d, generations %8d/%8d (backups %8d/%8d),"
            + " leases %7d/%7d (backups %7d/%7d), %.1f MiB%n",
        secondsSinceStart(),
        written.get(),
        now.generations(),
        generationBound,
        now.generationBackups(),
        backupBound,
        now.leases(),
        leaseBound,
        now.leaseBackups(),
        leaseBackupBound,
        now.memoryCost() / (1024.0 * 1024.0));
    if (exceeded == null
        && (now.generations() > generationBound
            || now.generationBackups() > backupBound
            || now.leases() > leaseBound
            || now.leaseBackups() > leaseBackupBound)) {
      exceeded =
          String.format(
              "at %d s: generations %d (bound %d), backups %d (bound %d),"
                  + " leases %d (bound %d), backups %d (bound %d)",
              secondsSinceStart(),
              now.generations(),
              generationBound,
              now.generationBackups(),
              backupBound,
              now.leases(),
              leaseBound,
              now.leaseBackups(),
              leaseBackupBound);
    }
  }

  // Writes sent in the last `window`, counting the current and the window's first second
  // whole: an upper bound.
  private long writtenWithin(Duration window) {
    long now = secondsSinceStart();
    long sum = 0;
    for (long second = Math.max(0, now - window.toSeconds() - 1); second <= now; second++) {
      sum += sent.get((int) second);
    }
    return sum;
  }

  private int secondsSinceStart() {
    return (int) TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
  }

  /** The metadata maps' entries and memory, summed over the members. */
  private record Sizes(
      long generations, long generationBackups, long leases, long leaseBackups, long memoryCost) {
    static Sizes of(List<HazelcastInstance> members) {
      long generations = 0;
      long generationBackups = 0;
      long leases = 0;
      long leaseBackups = 0;
      long memoryCost = 0;
      for (HazelcastInstance member : members) {
        LocalMapStats g = member.getMap("soak.generations").getLocalMapStats();
        LocalMapStats l = member.getMap("soak.leases").getLocalMapStats();
        generations += g.getOwnedEntryCount();
        generationBackups += g.getBackupEntryCount();
        leases += l.getOwnedEntryCount();
        leaseBackups += l.getBackupEntryCount();
        memoryCost +=
            g.getOwnedEntryMemoryCost()
                + g.getBackupEntryMemoryCost()
                + l.getOwnedEntryMemoryCost()
                + l.getBackupEntryMemoryCost();
      }
      return new Sizes(generations, generationBackups, leases, leaseBackups, memoryCost);
    }

    boolean isDrained(int storeWideKeys) {
      return generations <= storeWideKeys
          && generationBackups <= storeWideKeys
          && leases == 0
          && leaseBackups == 0;
    }
  }

  /** The largest sizes seen. */
  private static final class Largest {
    private long generations;
    private long generationBackups;
    private long leases;
    private long leaseBackups;
    private long memoryCost;

    synchronized void add(Sizes sizes) {
      generations = Math.max(generations, sizes.generations());
      generationBackups = Math.max(generationBackups, sizes.generationBackups());
      leases = Math.max(leases, sizes.leases());
      leaseBackups = Math.max(leaseBackups, sizes.leaseBackups());
      memoryCost = Math.max(memoryCost, sizes.memoryCost());
    }
  }
}
