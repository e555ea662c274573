package dev.restcache.quarkus.app;

import static java.util.Map.entry;

import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.HandleInjection;
import dev.restcache.testing.contract.RuntimeContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The runtime contract on Quarkus REST: the contract's resources and providers (indexed from {@code
 * restcache-test-support}) are part of this test application, and restcache is configured with
 * properties as {@link ContractApplication#configure} configures the feature elsewhere.
 */
@QuarkusTest
@TestProfile(QuarkusContractTest.Contract.class)
class QuarkusContractTest extends RuntimeContract {
  private static final String WARNINGS_PATH_KEY = "quarkus.log.handler.file.restcache.path";

  /**
   * The contract application: its classes indexed, restcache's contract settings (the application's
   * own {@code default-ttl} back to the default), on 127.0.0.1, and restcache's warnings written to
   * a file of their own.
   */
  public static class Contract implements QuarkusTestProfile {
    // One file per run: a file handler appends to what an earlier run left.
    private static final String WARNINGS =
        "target/restcache-warnings-" + UUID.randomUUID() + ".log";

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.ofEntries(
          entry("quarkus.index-dependency.contract.group-id", "dev.restcache"),
          entry("quarkus.index-dependency.contract.artifact-id", "restcache-test-support"),
          entry("quarkus.http.host", "127.0.0.1"),
          entry(
              "quarkus.restcache.collapse-timeout",
              ContractApplication.COLLAPSE_TIMEOUT.toString()),
          entry("quarkus.restcache.anonymous-cookies", ContractApplication.ANONYMOUS_COOKIE),
          entry("quarkus.restcache.default-ttl", "2m"),
          entry("quarkus.log.handler.file.restcache.enable", "true"),
          entry(WARNINGS_PATH_KEY, WARNINGS),
          entry("quarkus.log.handler.file.restcache.level", "WARN"),
          entry("quarkus.log.handler.file.restcache.format", "%p %c: %s%e%n"),
          entry("quarkus.log.category.\"dev.restcache\".handlers", "restcache"));
    }
  }

  @TestHTTPResource("/")
  URI root;

  /**
   * The application Quarkus started for this class: the suite's {@code application} describes it,
   * but Quarkus builds restcache from properties, so its feature goes unused.
   */
  @Override
  protected ContractServer start(ContractApplication application) {
    Path warnings = Path.of(ConfigProvider.getConfig().getValue(WARNINGS_PATH_KEY, String.class));
    return new ContractServer() {
      @Override
      public URI baseUri() {
        return root;
      }

      @Override
      public List<String> startupWarnings() {
        try {
          return Files.readAllLines(warnings).stream().filter(line -> !line.isBlank()).toList();
        } catch (NoSuchFileException nothingLogged) {
          return List.of();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void close() {
        // Quarkus stops the application after the last test of its profile.
      }
    };
  }

  /** {@code @Context} and {@code @Inject}; no feature object: properties configure restcache. */
  @Override
  protected Set<HandleInjection> handleInjections() {
    return EnumSet.of(HandleInjection.CONTEXT, HandleInjection.CDI);
  }

  /** Quarkus REST reports neither the resource method's start nor its exceptions. */
  @Override
  protected boolean tellsWhetherTheResourceReturned() {
    return false;
  }
}
