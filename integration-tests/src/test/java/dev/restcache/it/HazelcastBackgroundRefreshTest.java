package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.TestServer;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two members sharing one cache: one stale-while-revalidate refresh for the cluster. */
class HazelcastBackgroundRefreshTest {
  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  private final List<TestServer> servers = new ArrayList<>();
  private final List<HazelcastCacheStore> stores = new ArrayList<>();
  private final List<ResponseCache> caches = new ArrayList<>();

  /** One resource shared by both servers, so its counter is the cluster's. */
  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch secondCallStarted = new CountDownLatch(1);
    final CountDownLatch releaseSecondCall = new CountDownLatch(1);

    @GET
    @Path("news")
    @Cached
    @CacheControl(maxAge = 1, staleWhileRevalidate = 60)
    public String news() throws InterruptedException {
      int call = calls.incrementAndGet();
      if (call == 2) {
        secondCallStarted.countDown();
        releaseSecondCall.await(10, TimeUnit.SECONDS);
      }
      return "news " + call;
    }
  }

  @AfterEach
  void stop() {
    resource.releaseSecondCall.countDown();
    servers.forEach(TestServer::close);
    stores.forEach(HazelcastCacheStore::close);
  }

  private Response get(int server) {
    return servers.get(server).request().header("Host", "shop.example").get("/news");
  }

  @Test
  void twoInstancesInsideTheWindowMakeOneRefresh() throws Exception {
    for (HazelcastInstance member : cluster.startMembers(2, false)) {
      HazelcastCacheStore store = new HazelcastCacheStore(member, HazelcastCluster.MAP);
      ResponseCacheFeature feature =
          ResponseCacheFeature.builder()
              .store(store)
              .clock(clock)
              .storeTimeout(Duration.ofSeconds(2))
              .build();
      stores.add(store);
      caches.add(feature.cache());
      servers.add(TestServer.start(Apps.of(feature, resource), null));
    }
    assertThat(get(0).asString()).isEqualTo("news 1");
    clock.advance(Duration.ofSeconds(15));

    assertThat(get(0).asString()).isEqualTo("news 1");
    assertThat(resource.secondCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
    Response other = get(1);

    assertThat(other.asString()).isEqualTo("news 1");
    assertThat(other.header("Cache-Status")).isEqualTo("restcache; hit; ttl=-14");
    assertThat(resource.calls).hasValue(2);

    resource.releaseSecondCall.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (caches.get(0).stats().stores() < 2) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
    assertThat(get(1).asString()).isEqualTo("news 2");
    assertThat(resource.calls).hasValue(2);
  }
}
