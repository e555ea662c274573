package dev.restcache.hazelcast;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Removes the entries of evicted paths and tags from the entries map in the background, many paths
 * or tags in one query: a query reaches every partition (271 by default), whatever it matches.
 *
 * <p>An eviction is in force once its new generation is set; the removal only reclaims memory, and
 * keeps an entry from outliving its path's or tag's generation (forgotten after the retention),
 * when "absent" would match again. So a failed batch is retried, every few seconds at most, until
 * it lands. It removes only the entries stored under an older generation than the eviction's, so an
 * entry stored since the eviction stays. Past {@link #CAPACITY} waiting paths and tags, an eviction
 * removes its entries itself before it returns, as every eviction did before: the cluster is then
 * slower than the evictions, and making them wait is what keeps the backlog bounded.
 */
final class BackgroundRemoval {
  /** The most paths and tags waiting for their removal. */
  static final int CAPACITY = 10_000;

  /** The most paths, and the most tags, one query removes. */
  static final int BATCH = 1_000;

  private static final System.Logger LOG = System.getLogger("dev.restcache");
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private final IMap<String, GenericRecord> entries;
  private final int capacity;
  private final ThreadPoolExecutor worker;
  // Path or tag -> the generation its last eviction set; guarded by this.
  private final Map<String, Long> paths = new LinkedHashMap<>();
  private final Map<String, Long> tags = new LinkedHashMap<>();
  private boolean draining;
  private boolean closed;

  BackgroundRemoval(IMap<String, GenericRecord> entries) {
    this(entries, CAPACITY);
  }

  BackgroundRemoval(IMap<String, GenericRecord> entries, int capacity) {
    this.entries = entries;
    this.capacity = capacity;
    this.worker =
        new ThreadPoolExecutor(
            1,
            1,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "restcache-hazelcast-removal");
              thread.setDaemon(true);
              return thread;
            });
    worker.allowCoreThreadTimeOut(true);
  }

  /**
   * Removes the entries of {@code path} stored under another generation than {@code generation},
   * later, or now if too many removals are waiting or the store is closed.
   */
  void path(String path, long generation) {
    if (!offer(paths, Map.of(path, generation))) {
      entries.removeAll(stalePaths(Map.of(path, generation)));
    }
  }

  /** Likewise for tags, each with the generation its eviction set. */
  void tags(Map<String, Long> evicted) {
    if (!evicted.isEmpty() && !offer(tags, evicted)) {
      entries.removeAll(staleTags(evicted));
    }
  }

  /**
   * Stops taking removals, and removes those waiting for at most {@link #DRAIN}; gives up the rest
   * at the first failure.
   */
  void close() {
    synchronized (this) {
      closed = true;
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
        giveUp("they took longer than " + DRAIN.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      giveUp("the store was interrupted while closing");
      Thread.currentThread().interrupt();
    }
  }

  private synchronized boolean offer(Map<String, Long> waiting, Map<String, Long> evicted) {
    if (closed || paths.size() + tags.size() + evicted.size() > capacity) {
      return false;
    }
    // A later eviction's generation replaces an earlier one's: removing by it removes both.
    waiting.putAll(evicted);
    if (!draining) {
      draining = true;
      worker.execute(this::drain);
    }
    return true;
  }

  private void drain() {
    Duration retry = FIRST_RETRY;
    boolean failing = false;
    while (true) {
      Map<String, Long> pathBatch;
      Map<String, Long> tagBatch;
      synchronized (this) {
        pathBatch = take(paths);
        tagBatch = take(tags);
        if (pathBatch.isEmpty() && tagBatch.isEmpty()) {
          draining = false;
          return;
        }
      }
      try {
        if (!pathBatch.isEmpty()) {
          entries.removeAll(stalePaths(pathBatch));
        }
        if (!tagBatch.isEmpty()) {
          entries.removeAll(staleTags(tagBatch));
        }
        retry = FIRST_RETRY;
        failing = false;
      } catch (HazelcastInstanceNotActiveException | HazelcastClientNotActiveException down) {
        giveUp("the Hazelcast instance is down");
        return;
      } catch (RuntimeException failed) {
        putBack(pathBatch, tagBatch);
        if (isClosed()) {
          giveUp("the store is closing and removal failed: " + failed);
          return;
        }
        LOG.log(
            failing ? DEBUG : WARNING,
            "removing evicted entries failed, retrying in {0} ms: {1}",
            retry.toMillis(),
            failed.toString());
        failing = true;
        try {
          Thread.sleep(retry.toMillis());
        } catch (InterruptedException closing) {
          giveUp("the store closed while they were failing");
          return;
        }
        retry = longer(retry);
      }
    }
  }

  private static Duration longer(Duration retry) {
    Duration doubled = retry.multipliedBy(2);
    return doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  // Evictions made meanwhile keep their newer generation.
  private synchronized void putBack(Map<String, Long> pathBatch, Map<String, Long> tagBatch) {
    pathBatch.forEach(paths::putIfAbsent);
    tagBatch.forEach(tags::putIfAbsent);
  }

  private synchronized void giveUp(String why) {
    int left = paths.size() + tags.size();
    paths.clear();
    tags.clear();
    draining = false;
    if (left > 0) {
      LOG.log(
          WARNING,
          "left the entries of {0} evicted paths and tags in the map ({1}): they are not served"
              + " while their generations are remembered, and leave with their time to live",
          left,
          why);
    }
  }

  private static Map<String, Long> take(Map<String, Long> waiting) {
    Map<String, Long> batch = new LinkedHashMap<>();
    Iterator<Map.Entry<String, Long>> it = waiting.entrySet().iterator();
    while (it.hasNext() && batch.size() < BATCH) {
      Map.Entry<String, Long> next = it.next();
      batch.put(next.getKey(), next.getValue());
      it.remove();
    }
    return batch;
  }

  // An entry of one of the paths whose generation is none of the new ones is older than its
  // path's eviction (another path's new generation matching it is a 2^-64 chance).
  static Predicate<String, GenericRecord> stalePaths(Map<String, Long> evicted) {
    return Predicates.and(
        Predicates.in("path", evicted.keySet().toArray(String[]::new)),
        Predicates.not(Predicates.in("pathGeneration", evicted.values().toArray(Long[]::new))));
  }

  // Per tag: the entry's tag generations are matched as a set, so each tag gets its own term.
  static Predicate<String, GenericRecord> staleTags(Map<String, Long> evicted) {
    return Predicates.or(
        evicted.entrySet().stream()
            .map(
                tag ->
                    Predicates.and(
                        Predicates.equal("tags[any]", tag.getKey()),
                        Predicates.not(Predicates.equal("tagGenerations[any]", tag.getValue()))))
            .toArray(Predicate[]::new));
  }
}
