package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application with {@code quarkus-restcache} alone has no Hazelcast class on its class path: the
 * class loader Quarkus built from this module's dependencies, which loads the application and this
 * test, finds neither Hazelcast nor restcache's Hazelcast store, and the cache works without them.
 * The enforcer's {@code no-hazelcast} rule keeps them out of the published dependency tree; this
 * test checks what an application really gets from it.
 */
class HazelcastFreeTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(ItemResource.class, Counter.class));

  @Inject Counter counter;

  @Test
  void theApplicationsClassLoaderFindsNoHazelcastClass() {
    ClassLoader application = Thread.currentThread().getContextClassLoader();
    assertThat(getClass().getClassLoader()).isSameAs(application);
    for (String name :
        new String[] {
          "com.hazelcast.core.HazelcastInstance",
          "com.hazelcast.client.HazelcastClient",
          "dev.restcache.hazelcast.HazelcastCacheStore"
        }) {
      assertThatThrownBy(() -> Class.forName(name, false, application))
          .as(name)
          .isInstanceOf(ClassNotFoundException.class);
      assertThat(application.getResource(name.replace('.', '/') + ".class")).as(name).isNull();
    }
  }

  @Test
  void theCacheWorksWithoutIt() {
    get("/items/cached/free").then().statusCode(200);
    get("/items/cached/free")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("restcache; hit"));
    assertThat(counter.calls()).isEqualTo(1);
  }
}
