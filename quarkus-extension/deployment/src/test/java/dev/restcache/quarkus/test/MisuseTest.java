package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.NeverCache;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contradictory annotations fail the build, naming each method at fault. */
class MisuseTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Contradictions.class))
          .assertException(
              failure -> {
                assertThat(failure).isInstanceOf(DeploymentException.class);
                String message = failure.getMessage() + suppressed(failure);
                assertThat(message)
                    .contains(
                        "@Cached and @NeverCache on the same declaration: "
                            + Contradictions.class.getName()
                            + ".both");
                assertThat(message)
                    .contains(
                        "@CacheControl with both isPrivate and isPublic: "
                            + Contradictions.class.getName()
                            + ".publicAndPrivate");
              });

  private static String suppressed(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable other : failure.getSuppressed()) {
      all.append(' ').append(other.getMessage());
    }
    return all.toString();
  }

  @Test
  void buildFails() {
    fail("the application must not start");
  }

  @Path("/contradictions")
  public static class Contradictions {
    @GET
    @Path("/both")
    @Cached
    @NeverCache
    public String both() {
      return "both";
    }

    @GET
    @Path("/public-and-private")
    @CacheControl(isPublic = true, isPrivate = true)
    public String publicAndPrivate() {
      return "both";
    }
  }
}
