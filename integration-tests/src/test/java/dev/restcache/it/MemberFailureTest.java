package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.RoutingMode;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MemberProcesses;
import dev.restcache.it.support.TestServer;
import dev.restcache.it.support.VersionedItems;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three Hazelcast members, each in a JVM of its own on 127.0.0.1, and two application instances
 * (Jersey on Grizzly, clients of the cluster) under a bounded read and write load on a few hot
 * keys. One member is killed ({@code kill -9}), started again, then the three are restarted one by
 * one. Throughout, no request gets a 5xx and no GET sent after a PUT's response returns the state
 * before that PUT. A third instance, a client talking to the killed member only, keeps answering
 * while it dies and is cached again through another member.
 *
 * <p>The figures (hit rate per phase, how long writes waited) are printed at the end.
 */
class MemberFailureTest {
  private static final int KEYS = 5;
  private static final int LOAD_THREADS = 4;
  private static final String AFTER = "6 after";

  @RegisterExtension final MemberProcesses members = new MemberProcesses();
  private final VersionedItems resource = new VersionedItems();
  private final List<TestServer> servers = new ArrayList<>();
  private final List<HazelcastCacheStore> stores = new ArrayList<>();
  // HTTP/1.1: the client's default asks plain-text connections to upgrade to HTTP/2, which
  // Grizzly answered, now and then, by closing the connection.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final AtomicInteger errors = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> errorDetails = new ConcurrentLinkedQueue<>();
  private final AtomicInteger stale = new AtomicInteger();
  private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
  private volatile String phase = "0 warm-up";
  private final long start = System.nanoTime();
  private volatile Duration recovery;

  /** One request of the load: when, in which phase, what it was and how it went. */
  private record Sample(
      String phase, int instance, boolean get, boolean hit, long at, long nanos) {}

  @AfterEach
  void stopServers() {
    servers.forEach(TestServer::close);
    stores.forEach(HazelcastCacheStore::close);
  }

  @Test
  void killRestartAndRollingRestartServeNoErrorAndNoStaleRead() throws Exception {
    members.start(3);
    startServer(client(members.addresses(), RoutingMode.ALL_MEMBERS));
    startServer(client(members.addresses(), RoutingMode.ALL_MEMBERS));
    // Talks to the third member only, until it dies and the client finds another.
    List<String> thirdFirst =
        List.of(members.addresses().get(2), members.addresses().get(0), members.addresses().get(1));
    startServer(client(thirdFirst, RoutingMode.SINGLE_MEMBER));

    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS + 1);
    List<Future<?>> loops = new ArrayList<>();
    try {
      for (int i = 0; i < LOAD_THREADS; i++) {
        loops.add(load.submit(() -> loop(running, List.of(0, 1), 10)));
      }
      // The single-member client instance is only read from.
      loops.add(load.submit(() -> loop(running, List.of(2), 0)));
      pause(4);

      phase = "1 kill";
      members.kill(2);
      pause(8);

      phase = "2 restart";
      members.restart(2);
      members.awaitSafe(0);
      pause(4);

      for (int member = 0; member < 3; member++) {
        phase = (3 + member) + " roll " + member;
        members.stop(member);
        members.restart(member);
        members.awaitSafe(member);
      }
      phase = AFTER;
      long after = System.nanoTime();
      awaitHitsThroughEveryInstance();
      recovery = Duration.ofNanos(System.nanoTime() - after);
      pause(2);
    } finally {
      running.set(false);
      load.shutdown();
      assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<?> loop : loops) {
      loop.get(); // a load loop that failed fails the test with its exception
    }

    report();
    assertThat(errors).as("responses other than 200").hasValue(0);
    assertThat(stale).as("GETs answered with the state before a PUT they followed").hasValue(0);
  }

  // The hit rate recovers: every instance answers from the cache again, within a minute.
  private void awaitHitsThroughEveryInstance() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int instance = 0; instance < 3; instance++) {
      int server = instance;
      while (samples.stream()
          .noneMatch(s -> s.phase().equals(AFTER) && s.instance() == server && s.hit())) {
        assertThat(System.nanoTime())
            .as("a hit through instance %d once every member is back", server)
            .isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }

  private HazelcastCacheStore client(List<String> addresses, RoutingMode routing) {
    // The single-member client connects to the first address it is given.
    ClientConfig config = members.clientConfig(addresses);
    config.getNetworkConfig().getClusterRoutingConfig().setRoutingMode(routing);
    HazelcastCacheStore store =
        HazelcastCacheStore.owning(
            HazelcastClient.newHazelcastClient(config), HazelcastCacheStore.DEFAULT_MAP_NAME);
    stores.add(store);
    return store;
  }

  private void startServer(HazelcastCacheStore store) {
    servers.add(
        TestServer.start(
            Apps.of(ResponseCacheFeature.builder().store(store).build(), resource),
            ThreadPoolConfig.defaultConfig().setCorePoolSize(16).setMaxPoolSize(16)));
  }

  // Requests until stopped: on a random hot key, a PUT one time in writeOneIn (never for 0).
  private void loop(AtomicBoolean running, List<Integer> instances, int writeOneIn) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running.get()) {
      String id = "hot" + random.nextInt(KEYS);
      int instance = instances.get(random.nextInt(instances.size()));
      boolean write = writeOneIn > 0 && random.nextInt(writeOneIn) == 0;
      try {
        if (write) {
          put(instance, id);
        } else {
          get(instance, id);
        }
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        error(instance, write ? "PUT" : "GET", e.toString());
      }
    }
  }

  private void get(int instance, String id) throws IOException, InterruptedException {
    int floor = acknowledged(id).get();
    String current = phase;
    long started = System.nanoTime();
    HttpResponse<String> response = send(instance, id, "GET");
    long took = System.nanoTime() - started;
    if (response.statusCode() != 200) {
      error(instance, "GET", response.statusCode() + " " + response.body());
      return;
    }
    if (VersionedItems.versionIn(response.body()) < floor) {
      stale.incrementAndGet();
    }
    String status = response.headers().firstValue("Cache-Status").orElse("");
    samples.add(
        new Sample(current, instance, true, status.startsWith("restcache; hit"), started, took));
  }

  private void put(int instance, String id) throws IOException, InterruptedException {
    String current = phase;
    long started = System.nanoTime();
    HttpResponse<String> response = send(instance, id, "PUT");
    long took = System.nanoTime() - started;
    if (response.statusCode() != 200) {
      error(instance, "PUT", response.statusCode() + " " + response.body());
      return;
    }
    int version = Integer.parseInt(response.body());
    acknowledged(id).accumulateAndGet(version, Math::max);
    samples.add(new Sample(current, instance, false, false, started, took));
  }

  private void error(int instance, String method, String what) {
    errors.incrementAndGet();
    errorDetails.add(phase + ", instance " + instance + ", " + method + ": " + what);
  }

  private HttpResponse<String> send(int instance, String id, String method)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + servers.get(instance).port() + "/items/" + id))
            .header("Host", "shop.example")
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private AtomicInteger acknowledged(String id) {
    return acknowledged.computeIfAbsent(id, any -> new AtomicInteger());
  }

  private static void pause(int seconds) throws InterruptedException {
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
  }

  // Per phase: GETs, hit rate, PUTs and how long they took (p50, p99, max).
  private void report() {
    Map<String, List<Sample>> byPhase = new TreeMap<>();
    samples.forEach(s -> byPhase.computeIfAbsent(s.phase(), any -> new ArrayList<>()).add(s));
    System.out.println(
        "MemberFailureTest: errors "
            + errors
            + ", stale reads "
            + stale
            + ", every instance hit again "
            + recovery.toMillis()
            + " ms after the last restart");
    errorDetails.stream().limit(20).forEach(e -> System.out.println("MemberFailureTest: " + e));
    byPhase.forEach(
        (name, list) -> {
          List<Sample> gets = list.stream().filter(Sample::get).toList();
          long hits = gets.stream().filter(Sample::hit).count();
          List<Long> puts =
              list.stream().filter(s -> !s.get()).map(Sample::nanos).sorted().toList();
          System.out.printf(
              "MemberFailureTest: %-9s GETs %5d hit rate %5.1f%%  PUTs %4d"
                  + " waited p50 %5.0f ms p99 %5.0f ms max %5.0f ms%n",
              name,
              gets.size(),
              gets.isEmpty() ? 0.0 : 100.0 * hits / gets.size(),
              puts.size(),
              millis(puts, 0.50),
              millis(puts, 0.99),
              millis(puts, 1.0));
        });
    // The hit rate second by second, with the phase each second began in.
    Map<Long, long[]> seconds = new TreeMap<>();
    Map<Long, String> phases = new TreeMap<>();
    samples.stream()
        .filter(Sample::get)
        .forEach(
            s -> {
              long second = TimeUnit.NANOSECONDS.toSeconds(s.at() - start);
              long[] counts = seconds.computeIfAbsent(second, any -> new long[2]);
              counts[0]++;
              counts[1] += s.hit() ? 1 : 0;
              phases.putIfAbsent(second, s.phase());
            });
    StringBuilder timeline = new StringBuilder("MemberFailureTest: hit rate per second:");
    seconds.forEach(
        (second, counts) ->
            timeline.append(
                String.format(
                    " %d:%s=%.0f%%",
                    second, phases.get(second).charAt(0), 100.0 * counts[1] / counts[0])));
    System.out.println(timeline);
    for (int instance = 0; instance < 3; instance++) {
      int server = instance;
      List<Sample> killed =
          samples.stream()
              .filter(s -> s.instance() == server && s.get() && s.phase().startsWith("1"))
              .toList();
      System.out.printf(
          "MemberFailureTest: instance %d during the kill: GETs %d, hit rate" + " %.1f%%%n",
          server,
          killed.size(),
          killed.isEmpty()
              ? 0.0
              : 100.0 * killed.stream().filter(Sample::hit).count() / killed.size());
    }
  }

  private static double millis(List<Long> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
