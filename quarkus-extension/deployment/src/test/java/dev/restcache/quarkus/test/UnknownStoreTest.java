package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code quarkus.restcache.store=hazelcast} in an application without {@code
 * quarkus-restcache-hazelcast} fails the start, naming the extension to add, rather than caching
 * somewhere the user did not ask for.
 */
class UnknownStoreTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(ItemResource.class, Counter.class))
          .overrideConfigKey("quarkus.restcache.store", "hazelcast")
          .assertException(
              failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                  messages.append(cause.getMessage()).append('\n');
                }
                assertThat(messages.toString())
                    .contains(
                        "quarkus.restcache.store=hazelcast",
                        "dev.restcache:quarkus-restcache-hazelcast");
              });

  @Test
  void startFails() {
    fail("the application must not start");
  }
}
