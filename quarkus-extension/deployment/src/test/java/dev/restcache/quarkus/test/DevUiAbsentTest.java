package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.quarkus.internal.RestcacheJsonRpcService;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Outside dev mode, restcache's Dev UI service is no bean: nothing of the page exists. */
class DevUiAbsentTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(DevUiShelf.class));

  @Test
  void theJsonRpcServiceIsNoBean() {
    assertThat(Arc.container().select(RestcacheJsonRpcService.class).isResolvable()).isFalse();
  }
}
