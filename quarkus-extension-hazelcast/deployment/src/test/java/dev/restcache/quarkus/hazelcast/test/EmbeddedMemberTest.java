package dev.restcache.quarkus.hazelcast.test;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.quarkus.hazelcast.RestcacheHazelcastConfig;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code quarkus-restcache-hazelcast}, {@code quarkus.restcache.store=hazelcast} caches in an
 * embedded member configured by the {@code quarkus.restcache.hazelcast.*} keys the extension had
 * before the split: a second member, started by the test with the same cluster name and ports,
 * joins the application's member and finds the entry in the configured map. With generations
 * reused, a write is answered once its eviction is in force on every instance.
 */
class EmbeddedMemberTest {
  private static final String CLUSTER = "restcache-extension-" + UUID.randomUUID();
  private static final int PORT = LoopbackPorts.free();
  private static final int OTHER_PORT = LoopbackPorts.free();

  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Shelf.class))
          .overrideConfigKey("quarkus.restcache.store", "hazelcast")
          .overrideConfigKey("quarkus.restcache.hazelcast.mode", "embedded")
          .overrideConfigKey("quarkus.restcache.hazelcast.cluster-name", CLUSTER)
          .overrideConfigKey("quarkus.restcache.hazelcast.port", Integer.toString(PORT))
          .overrideConfigKey("quarkus.restcache.hazelcast.bind-address", "127.0.0.1")
          .overrideConfigKey(
              "quarkus.restcache.hazelcast.members",
              "127.0.0.1:" + PORT + ",127.0.0.1:" + OTHER_PORT)
          .overrideConfigKey("quarkus.restcache.hazelcast.map-name", "shelf-cache")
          .overrideConfigKey("quarkus.restcache.hazelcast.reuse-reads-for", "300ms");

  // Read back from the application: Quarkus loads this class again, with other random values.
  @Inject RestcacheHazelcastConfig config;

  @Test
  void entriesLiveInTheConfiguredMapOfTheEmbeddedMember() {
    List<Integer> ports =
        config.members().orElseThrow().stream()
            .map(member -> Integer.parseInt(member.substring(member.lastIndexOf(':') + 1)))
            .toList();
    HazelcastInstance other = LoopbackMembers.start(config.clusterName(), ports.get(1), ports);
    try {
      assertThat(other.getCluster().getMembers()).hasSize(2);
      get("/shelf/1")
          .then()
          .statusCode(200)
          .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
      get("/shelf/1")
          .then()
          .statusCode(200)
          .header("Cache-Status", containsString("restcache; hit"));
      assertThat(Shelf.CALLS.get()).isEqualTo(1);
      assertThat(other.getMap("shelf-cache").size()).isPositive();

      long started = System.nanoTime();
      put("/shelf/1").then().statusCode(204);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("the write waits out the reuse time")
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
      get("/shelf/1")
          .then()
          .statusCode(200)
          .body(equalTo("1 #2"))
          .header("Cache-Status", containsString("fwd=uri-miss"));
    } finally {
      other.getLifecycleService().terminate();
    }
  }
}
