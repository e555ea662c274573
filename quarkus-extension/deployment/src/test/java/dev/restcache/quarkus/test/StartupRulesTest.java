package dev.restcache.quarkus.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.restcache.Cached;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every method's rules are resolved when the application starts, not at its first request: the
 * warnings for what a method reads that restcache cannot key are logged for methods no request ever
 * reaches (with cache-all, for GETs without annotations too), and a method is answered from the
 * cache from its second request on.
 */
class StartupRulesTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Unvisited.class, Visited.class, Counter.class))
          .overrideConfigKey("quarkus.restcache.cache-all", "true")
          .setLogRecordPredicate(record -> "dev.restcache".equals(record.getLoggerName()))
          .assertLogRecords(StartupRulesTest::warnedAboutEveryUnvisitedMethod);

  @Inject Counter counter;

  // No test requests these: their warnings can only come from the startup.
  private static void warnedAboutEveryUnvisitedMethod(List<LogRecord> records) {
    List<String> messages = records.stream().map(LogRecord::getMessage).toList();
    assertThat(messages)
        .anyMatch(
            message ->
                message.contains(
                    Unvisited.class.getName() + ".annotated reads @Context HttpHeaders"));
    assertThat(messages)
        .anyMatch(
            message ->
                message.contains(
                    Unvisited.class.getName() + ".cachedByCacheAll reads @Context HttpHeaders"));
  }

  @Test
  void theFirstRequestOfAMethodIsStoredAndTheSecondIsAHit() {
    get("/visited")
        .then()
        .statusCode(200)
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    get("/visited").then().statusCode(200).header("Cache-Status", containsString("restcache; hit"));
    assertThat(counter.calls()).isEqualTo(1);
  }

  @Path("/unvisited")
  public static class Unvisited {
    @GET
    @Path("/annotated")
    @Cached
    public String annotated(@Context HttpHeaders headers) {
      return headers.getHeaderString("X-Anything");
    }

    @GET
    @Path("/cached-by-cache-all")
    public String cachedByCacheAll(@Context HttpHeaders headers) {
      return headers.getHeaderString("X-Anything");
    }
  }

  @Path("/visited")
  public static class Visited {
    @Inject Counter counter;

    @GET
    @Cached
    public String get() {
      return "visited #" + counter.next();
    }
  }
}
