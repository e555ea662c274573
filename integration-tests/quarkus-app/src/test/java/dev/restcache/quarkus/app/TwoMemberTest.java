package dev.restcache.quarkus.app;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.quarkus.hazelcast.RestcacheHazelcastConfig;
import dev.restcache.testing.Eventually;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application configured for the Hazelcast store with an embedded member, in a cluster of two
 * with a second instance of the service (a member running restcache's engine): each sees what the
 * other cached, and each one's eviction reaches the other.
 */
@QuarkusTest
@TestProfile(TwoMemberTest.Cluster.class)
class TwoMemberTest {
  /**
   * The embedded member, configured only through {@code quarkus.restcache.hazelcast.*}. Quarkus
   * loads profiles apart from the application, so this class refers to nothing of Hazelcast's.
   */
  public static class Cluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      int appPort = LoopbackPorts.free();
      int otherPort = LoopbackPorts.free();
      return Map.of(
          "quarkus.restcache.store",
          "hazelcast",
          "quarkus.restcache.hazelcast.mode",
          "embedded",
          "quarkus.restcache.hazelcast.cluster-name",
          "restcache-quarkus-" + UUID.randomUUID(),
          "quarkus.restcache.hazelcast.bind-address",
          "127.0.0.1",
          "quarkus.restcache.hazelcast.port",
          Integer.toString(appPort),
          "quarkus.restcache.hazelcast.members",
          "127.0.0.1:" + appPort + ",127.0.0.1:" + otherPort);
    }
  }

  private static HazelcastInstance other;
  private static ResponseCache otherCache;

  @Inject Calls calls;

  @Inject ResponseCache cache;

  @Inject RestcacheHazelcastConfig config;

  @BeforeEach
  void startTheOtherInstanceAndReset() {
    if (other == null) {
      List<Integer> ports =
          config.members().orElseThrow().stream()
              .map(member -> Integer.parseInt(member.substring(member.lastIndexOf(':') + 1)))
              .toList();
      int appPort = config.port();
      int otherPort = ports.stream().filter(port -> port != appPort).findFirst().orElseThrow();
      other = LoopbackMembers.start(config.clusterName(), otherPort, ports);
      otherCache =
          ResponseCacheFeature.builder().store(new HazelcastCacheStore(other)).build().cache();
    }
    calls.reset();
    cache.clear();
  }

  @AfterAll
  static void stopTheOtherInstance() {
    if (other != null) {
      other.getLifecycleService().terminate();
    }
  }

  @Test
  void theMembersFormOneCluster() {
    assertThat(other.getCluster().getMembers()).hasSize(2);
  }

  @Test
  void anEntryCachedHereLivesInTheSharedMap() {
    get("/books/1").then().header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    get("/books/1").then().header("Cache-Status", startsWith("restcache; hit"));
    assertThat(other.getMap(HazelcastCacheStore.DEFAULT_MAP_NAME).size()).isPositive();
    assertThat(calls.count("get 1")).isEqualTo(1);
  }

  @Test
  void anEvictionByTheOtherInstanceReachesThisOne() {
    get("/books/2").then().statusCode(200);
    otherCache.invalidatePath("/books/2");
    get("/books/2").then().header("Cache-Status", startsWith("restcache; fwd=uri-miss"));
    assertThat(calls.count("get 2")).isEqualTo(2);
  }

  @Test
  void aWriteHereEvictsWhatTheSharedMapHolds() {
    get("/books/3").then().statusCode(200);
    given().body("Ulysses").put("/books/3").then().statusCode(200);
    // The eviction is in force when the PUT is answered; its removal follows in the background.
    Eventually.await(
        "no entry left for /books/3",
        Duration.ofSeconds(10),
        () -> other.getMap(HazelcastCacheStore.DEFAULT_MAP_NAME).isEmpty());
    get("/books/3").then().body(equalTo("Ulysses"));
  }
}
