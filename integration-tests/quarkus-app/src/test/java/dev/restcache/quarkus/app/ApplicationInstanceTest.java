package dev.restcache.quarkus.app;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With the Hazelcast store, an application's own {@link HazelcastInstance} bean is used. */
@QuarkusTest
@TestProfile(ApplicationInstanceTest.OwnInstance.class)
class ApplicationInstanceTest {
  /** Enables {@link ApplicationHazelcastInstance}; the member settings would not reach it. */
  public static class OwnInstance implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(ApplicationHazelcastInstance.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.restcache.store", "hazelcast", "quarkus.restcache.hazelcast.port", "1");
    }
  }

  @Inject HazelcastInstance applicationInstance;

  @Inject Calls calls;

  @Test
  void entriesGoToTheApplicationsInstance() {
    get("/books/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    get("/books/1").then().statusCode(200).header("Cache-Status", startsWith("restcache; hit"));
    assertThat(calls.count("get 1")).isEqualTo(1);
    assertThat(applicationInstance.getMap(HazelcastCacheStore.DEFAULT_MAP_NAME).size())
        .isPositive();
  }

  @Test
  void healthChecksTheHazelcastStore() {
    get("/q/health/ready").then().statusCode(200).body(containsString("HazelcastCacheStore"));
  }
}
