package dev.restcache.quarkus.hazelcast.test;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.QuarkusUnitTest;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adding {@code quarkus-restcache-hazelcast} changes no store by itself: without {@code
 * quarkus.restcache.store=hazelcast} the cache stays in memory and Hazelcast logs nothing, since no
 * member or client starts.
 */
class MemoryByDefaultTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .overrideConfigKey("quarkus.http.test-port", "0")
          .withApplicationRoot(jar -> jar.addClasses(Shelf.class))
          .setLogRecordPredicate(
              record ->
                  record.getLoggerName() != null
                      && (record.getLoggerName().equals("dev.restcache")
                          || record.getLoggerName().startsWith("com.hazelcast")))
          .assertLogRecords(MemoryByDefaultTest::cachedInMemoryWithoutHazelcast);

  private static void cachedInMemoryWithoutHazelcast(List<LogRecord> records) {
    assertThat(records)
        .extracting(LogRecord::getLoggerName)
        .doesNotContain("com.hazelcast")
        .allMatch("dev.restcache"::equals);
    assertThat(records)
        .anyMatch(
            record ->
                record.getMessage().startsWith("restcache: caching in")
                    && List.of(record.getParameters()).contains("InMemoryCacheStore"));
  }

  @Test
  void theCacheIsInMemory() {
    int before = Shelf.CALLS.get();
    get("/shelf/memory").then().statusCode(200);
    get("/shelf/memory")
        .then()
        .statusCode(200)
        .header("Cache-Status", containsString("restcache; hit"));
    assertThat(Shelf.CALLS.get() - before).isEqualTo(1);
  }
}
