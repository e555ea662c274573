package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.it.support.TestServer;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients mixing reads, writes and invalidations on a set of keys, for a bounded time, on
 * loopback, on one instance and on two sharing a Hazelcast map. Fails on any response older than
 * the last write to its path that had completed when the request was sent, on any 5xx, and on
 * memory beyond the store's bound.
 *
 * <p>Short by default; {@code -Drestcache.soak.seconds=600} runs it longer.
 */
class SoakTest {
  private static final int KEYS = 400;
  private static final int CLIENTS = 8;
  // Bodies of 4 KiB on 400 keys (1.6 MB) against a 512 KiB bound keep the store evicting.
  private static final int BODY_BYTES = 4096;
  private static final long STORE_BOUND = 512 * 1024;
  private static final String PADDING = "x".repeat(BODY_BYTES);

  @Path("/items")
  public static class Resource {
    final AtomicLongArray versions = new AtomicLongArray(KEYS);

    @GET
    @Path("{id}")
    @Cached(tags = "items")
    public String read(@PathParam("id") int id) {
      return versions.get(id) + " " + PADDING;
    }

    @PUT
    @Path("{id}")
    public String write(@PathParam("id") int id) {
      return String.valueOf(versions.incrementAndGet(id));
    }

    @POST
    @Path("{id}/bump")
    @Invalidates(paths = "/items/{id}")
    public String bump(@PathParam("id") int id) {
      return String.valueOf(versions.incrementAndGet(id));
    }
  }

  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();
  private final List<TestServer> servers = new ArrayList<>();
  private final List<ResponseCacheFeature> features = new ArrayList<>();
  private final List<HazelcastCacheStore> stores = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
    stores.forEach(HazelcastCacheStore::close);
  }

  private void start(Resource resource, CacheStore store) {
    ResponseCacheFeature feature =
        ResponseCacheFeature.builder()
            .store(store)
            .defaultTtl(Duration.ofMinutes(10))
            .storeTimeout(Duration.ofSeconds(2))
            .build();
    features.add(feature);
    servers.add(TestServer.start(Apps.of(feature, resource), null));
  }

  @Test
  void oneInstanceWithABoundedMemoryStore() throws Exception {
    InMemoryCacheStore store = new InMemoryCacheStore(STORE_BOUND);
    start(new Resource(), store);
    AtomicLong maxStoreBytes = new AtomicLong();
    soak(() -> maxStoreBytes.accumulateAndGet(store.weightedSize(), Math::max));
    assertThat(maxStoreBytes.get()).isLessThanOrEqualTo(STORE_BOUND + BODY_BYTES * 2L);
  }

  // Every write and invalidation goes through one member or the other, reads through both.
  @Test
  void twoInstancesSharingAHazelcastMap() throws Exception {
    Resource resource = new Resource();
    for (HazelcastInstance member : cluster.startMembers(2, false)) {
      HazelcastCacheStore store = new HazelcastCacheStore(member, HazelcastCluster.MAP);
      stores.add(store);
      start(resource, store);
    }
    soak(() -> {});
  }

  private void soak(Runnable sample) throws Exception {
    long seconds = Long.getLong("restcache.soak.seconds", 8);
    AtomicLongArray completedWrites = new AtomicLongArray(KEYS);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicLong requests = new AtomicLong();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      running.add(
          clients.submit(
              () -> {
                while (System.nanoTime() < deadline && failures.isEmpty()) {
                  requests.incrementAndGet();
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  int instance = random.nextInt(servers.size());
                  String base = "http://127.0.0.1:" + servers.get(instance).port();
                  // A hot set of keys takes most reads, so that hits and evictions both happen.
                  int id = random.nextInt(4) == 0 ? random.nextInt(KEYS) : random.nextInt(20);
                  int action = random.nextInt(100);
                  try {
                    if (action < 85) {
                      long floor = completedWrites.get(id);
                      HttpResponse<String> response = send(client, "GET", base + "/items/" + id);
                      check(failures, response);
                      long seen =
                          Long.parseLong(
                              response.body().substring(0, response.body().indexOf(' ')));
                      if (seen < floor) {
                        failures.add(
                            "stale read of "
                                + id
                                + " through instance "
                                + instance
                                + ": version "
                                + seen
                                + " after write "
                                + floor
                                + " completed ("
                                + response.headers().firstValue("Cache-Status").orElse("")
                                + ")");
                      }
                    } else if (action < 95) {
                      HttpResponse<String> response =
                          action % 2 == 0
                              ? send(client, "PUT", base + "/items/" + id)
                              : send(client, "POST", base + "/items/" + id + "/bump");
                      check(failures, response);
                      completedWrites.accumulateAndGet(
                          id, Long.parseLong(response.body()), Math::max);
                    } else if (action < 98) {
                      features.get(instance).cache().invalidateTags("items");
                    } else {
                      features.get(instance).cache().invalidatePath("/items/" + id);
                    }
                  } catch (Exception e) {
                    failures.add("request failed: " + e);
                  }
                }
                return null;
              }));
    }
    running.add(
        clients.submit(
            () -> {
              while (System.nanoTime() < deadline) {
                sample.run();
                Thread.sleep(50);
              }
              return null;
            }));
    for (Future<?> future : running) {
      future.get();
    }
    clients.shutdown();
    System.gc();
    long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;
    long hits = features.stream().mapToLong(f -> f.cache().stats().hits()).sum();
    long stored = features.stream().mapToLong(f -> f.cache().stats().stores()).sum();
    assertThat(failures).as("after %d requests", requests.get()).isEmpty();
    assertThat(hits).isPositive();
    assertThat(stored).isPositive();
    // Everything the store may hold, plus room for the container's own buffers and pools.
    assertThat(heapGrowth).isLessThan(STORE_BOUND + 48L * 1024 * 1024);
  }

  private static HttpResponse<String> send(HttpClient client, String method, String uri)
      throws Exception {
    // One Host for every instance, as behind a load balancer: the instances share keys.
    return client.send(
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofSeconds(10))
            .header("Host", "shop.example")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void check(ConcurrentLinkedQueue<String> failures, HttpResponse<String> response) {
    if (response.statusCode() >= 500) {
      failures.add(
          response.request().method()
              + " "
              + response.uri()
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
  }
}
