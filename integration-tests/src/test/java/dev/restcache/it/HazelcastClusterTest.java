package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.hazelcast.HazelcastSetup;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.it.support.TestServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Three members on 127.0.0.1, each with its own Grizzly server, sharing one cache. */
class HazelcastClusterTest {
  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();
  private final Resource resource = new Resource();
  private final List<TestServer> servers = new ArrayList<>();
  private final List<HazelcastCacheStore> stores = new ArrayList<>();

  /** One resource shared by the three servers, so its counter is the cluster's. */
  @Path("/items")
  public static class Resource {
    final AtomicInteger reads = new AtomicInteger();

    @GET
    @Path("{id}")
    @Cached(tags = "item:{id}")
    public String get(@PathParam("id") String id) throws InterruptedException {
      int read = reads.incrementAndGet();
      Thread.sleep(50);
      return id + " #" + read;
    }

    @PUT
    @Path("{id}")
    public String put(@PathParam("id") String id) {
      return "put";
    }

    @PUT
    @Path("{id}/retag")
    @Invalidates(tags = "item:{id}")
    public String retag(@PathParam("id") String id) {
      return "retag";
    }
  }

  private void startServers(List<HazelcastInstance> instances) {
    startServers(instances, Duration.ZERO);
  }

  private void startServers(List<HazelcastInstance> instances, Duration reuseReads) {
    for (HazelcastInstance instance : instances) {
      HazelcastCacheStore store =
          HazelcastCacheStore.builder(instance)
              .mapName(HazelcastCluster.MAP)
              .reuseReadsFor(reuseReads)
              .build();
      stores.add(store);
      servers.add(
          TestServer.start(
              Apps.of(
                  ResponseCacheFeature.builder()
                      .store(store)
                      .storeTimeout(Duration.ofSeconds(2))
                      .build(),
                  resource),
              ThreadPoolConfig.defaultConfig().setCorePoolSize(16).setMaxPoolSize(16)));
    }
  }

  @AfterEach
  void stopServers() {
    servers.forEach(TestServer::close);
    stores.forEach(HazelcastCacheStore::close);
  }

  // Behind a load balancer every instance sees the same Host; the cache key includes it.
  private RequestSpecification request(int server) {
    return servers.get(server).request().header("Host", "shop.example");
  }

  private String get(int server, String path) {
    return request(server).get(path).asString();
  }

  // Without a near cache, a write holds on every member when it returns. With one, another
  // member may answer from its near-cached copy for a few milliseconds more
  // (NearCacheStalenessTest measures it): ask again, a bounded number of times.
  private String eventually(int server, String path, boolean nearCache) {
    String body = get(server, path);
    for (int i = 0; nearCache && i < 100 && body.endsWith("#1"); i++) {
      body = get(server, path);
    }
    return body;
  }

  @ParameterizedTest(name = "near cache {0}")
  @ValueSource(booleans = {false, true})
  void aGetStoredThroughOneMemberIsAHitOnTheOthers(boolean nearCache) {
    startServers(cluster.startMembers(3, nearCache));
    assertThat(get(0, "/items/1")).isEqualTo("1 #1");
    request(1)
        .get("/items/1")
        .then()
        .body(equalTo("1 #1"))
        .header("Cache-Status", org.hamcrest.Matchers.startsWith("restcache; hit"));
    assertThat(get(2, "/items/1")).isEqualTo("1 #1");
    assertThat(resource.reads).hasValue(1);
  }

  // End to end through the servers; HazelcastReusedReadsTest reads the store right after
  // the eviction, before the entry's background removal, where a missing wait shows.
  @Test
  void withGenerationsReusedAPutIsInForceOnEveryMemberWhenItIsAnswered() {
    startServers(cluster.startMembers(3, true), Duration.ofMillis(300));
    for (int write = 1; write <= 5; write++) {
      String before = get(0, "/items/1");
      // Every member hits, near-cached after the first, its generations just read.
      for (int server = 0; server < 3; server++) {
        for (int i = 0; i < 3; i++) {
          assertThat(get(server, "/items/1")).isEqualTo(before);
        }
      }

      long started = System.nanoTime();
      request(2).put("/items/1").then().statusCode(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("the write waits out the reuse time")
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));

      for (int server = 0; server < 3; server++) {
        assertThat(get(server, "/items/1")).as("after write %d", write).isNotEqualTo(before);
      }
    }
  }

  @ParameterizedTest(name = "near cache {0}")
  @ValueSource(booleans = {false, true})
  void aPutThroughOneMemberEvictsTheEntryOnTheOthers(boolean nearCache) {
    startServers(cluster.startMembers(3, nearCache));
    get(0, "/items/1");
    get(1, "/items/1");
    get(2, "/items/1");
    request(2).put("/items/1").then().statusCode(200);
    assertThat(eventually(0, "/items/1", nearCache)).isEqualTo("1 #2");
    assertThat(eventually(1, "/items/1", nearCache)).isEqualTo("1 #2");
    assertThat(resource.reads).hasValue(2);
  }

  @Test
  void tagInvalidationThroughOneMemberHoldsOnTheOthers() {
    startServers(cluster.startMembers(3, true));
    get(0, "/items/1");
    get(0, "/items/2");
    request(2).put("/items/1/retag").then().statusCode(200);
    assertThat(eventually(1, "/items/1", true)).isEqualTo("1 #3");
    assertThat(get(1, "/items/2")).isEqualTo("2 #2");
  }

  @Test
  void thirtyConcurrentFirstRequestsOverThreeMembersRunTheResourceOnce() throws Exception {
    startServers(cluster.startMembers(3, false));
    ExecutorService clients = Executors.newFixedThreadPool(30);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int member = i % 3;
        futures.add(
            clients.submit(
                () -> {
                  start.await();
                  return request(member).get("/items/hot");
                }));
      }
      start.countDown();
      for (Future<Response> future : futures) {
        Response response = future.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).isEqualTo("hot #1");
      }
      assertThat(resource.reads).hasValue(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void killingAMemberUnderLoadLosesNoRequestAndKeepsTheEntries() throws Exception {
    List<HazelcastInstance> members = cluster.startMembers(3, false);
    startServers(members);
    for (int i = 0; i < 20; i++) {
      get(0, "/items/" + i);
    }
    ExecutorService load = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int item = i % 20;
        int member = i % 2;
        statuses.add(load.submit(() -> request(member).get("/items/" + item).statusCode()));
        if (i == 50) {
          members.get(2).getLifecycleService().terminate();
        }
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      load.shutdownNow();
    }
    // The entries survived on their backups: once the stores trust the cluster again after the
    // member's removal (HazelcastCacheStore.MEMBER_REMOVAL_QUIET), each is served as it was.
    awaitHit(1, "/items/0");
    int readsAfter = resource.reads.get();
    for (int i = 0; i < 20; i++) {
      assertThat(get(1, "/items/" + i)).endsWith("#" + (i + 1));
    }
    assertThat(resource.reads.get()).isEqualTo(readsAfter);
  }

  @Test
  void withTheClusterDownAClientModeServiceKeepsAnsweringAndTheCacheComesBack()
      throws InterruptedException {
    List<HazelcastInstance> members = cluster.startMembers(1, false);
    HazelcastCacheStore store =
        HazelcastSetup.startClient(
            cluster.name(),
            List.of("127.0.0.1:" + cluster.ports().get(0)),
            HazelcastCluster.MAP,
            false);
    stores.add(store);
    servers.add(
        TestServer.start(
            Apps.of(
                ResponseCacheFeature.builder()
                    .store(store)
                    .storeTimeout(Duration.ofMillis(500))
                    .build(),
                resource),
            null));
    assertThat(get(0, "/items/1")).isEqualTo("1 #1");
    assertThat(get(0, "/items/1")).isEqualTo("1 #1");

    members.get(0).getLifecycleService().terminate();
    for (int i = 0; i < 5; i++) {
      request(0)
          .get("/items/1")
          .then()
          .statusCode(200)
          .header("Cache-Status", "restcache; fwd=bypass; detail=\"store-error\"");
    }

    cluster.restartMember(cluster.ports().get(0), false);
    awaitHit(0, "/items/2");
  }

  // Asks again, every 200 ms for up to 30 s, until the answer is a hit.
  private void awaitHit(int server, String path) throws InterruptedException {
    String status = "";
    for (int i = 0; i < 150 && !status.startsWith("restcache; hit"); i++) {
      Thread.sleep(200);
      status = request(server).get(path).header("Cache-Status");
    }
    assertThat(status).startsWith("restcache; hit");
  }

  @Test
  void aSlowGetOnOneMemberRacingAPutOnAnotherNeverLeavesTheOldBody() throws Exception {
    startServers(cluster.startMembers(2, true));
    RaceTest.Resource race = new RaceTest.Resource();
    List<TestServer> raceServers = new ArrayList<>();
    try {
      for (HazelcastCacheStore store : stores) {
        raceServers.add(
            TestServer.start(
                Apps.of(ResponseCacheFeature.builder().store(store).build(), race), null));
      }
      for (int round = 0; round < 3; round++) {
        race.readDone = new CountDownLatch(1);
        race.release = new CountDownLatch(1);
        String expectedOld = race.value.get();
        Future<String> slowGet =
            Executors.newSingleThreadExecutor()
                .submit(
                    () ->
                        raceServers
                            .get(0)
                            .request()
                            .header("Host", "shop.example")
                            .get("/value")
                            .asString());
        assertThat(race.readDone.await(10, TimeUnit.SECONDS)).isTrue();
        raceServers
            .get(1)
            .request()
            .header("Host", "shop.example")
            .put("/value?v=new" + round)
            .then()
            .statusCode(200);
        race.release.countDown();
        assertThat(slowGet.get(10, TimeUnit.SECONDS)).isEqualTo(expectedOld);
        for (TestServer server : raceServers) {
          assertThat(server.request().header("Host", "shop.example").get("/value").asString())
              .isEqualTo("new" + round);
        }
        // Evict again, so that the next round's GET is a miss that reaches the resource.
        raceServers
            .get(1)
            .request()
            .header("Host", "shop.example")
            .put("/value?v=new" + round)
            .then()
            .statusCode(200);
      }
    } finally {
      raceServers.forEach(TestServer::close);
    }
  }
}
