package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Dev UI page's JSON-RPC methods, called as the page calls them: the routes with their rules,
 * the live statistics, and clearing the cache, after which the next GET is a miss that runs the
 * resource again.
 */
// Public: QuarkusDevModeTest creates the test instance through reflection from outside.
public class DevUiTest {
  @RegisterExtension
  static final QuarkusDevModeTest DEV =
      new QuarkusDevModeTest()
          .withApplicationRoot(
              jar ->
                  jar.addClasses(DevUiShelf.class)
                      .addAsResource(
                          new StringAsset(DevModeHttp.PROPERTIES), "application.properties"));

  @Test
  void theRoutesCarryTheirRules() throws Exception {
    JsonPath routes = DevUiJsonRpc.call("getRoutes");
    Map<String, Object> cached =
        routes.getMap("result.object.find { it.path == '/shelf/{id}' && it.httpMethod == 'GET' }");
    assertThat(cached)
        .containsEntry("cached", true)
        .containsEntry("ttl", "60s")
        .containsEntry("tags", List.of("shelf:{id}"))
        .containsEntry("cacheControl", List.of("maxAge=30"))
        .containsEntry("resource", DevUiShelf.class.getName() + ".get");
    Map<String, Object> secret =
        routes.getMap("result.object.find { it.path == '/shelf/{id}/secret' }");
    assertThat(secret).containsEntry("cached", false).containsEntry("neverCache", true);
    Map<String, Object> put = routes.getMap("result.object.find { it.httpMethod == 'PUT' }");
    assertThat(put)
        .containsEntry("path", "/shelf/{id}")
        .containsEntry("invalidates", List.of("tag:shelves"));
    assertThat(DevUiJsonRpc.call("getCachedRouteCount").getString("result.object")).isEqualTo("1");
  }

  @Test
  void clearEmptiesTheCacheAndTheNextGetRunsTheResource() throws Exception {
    String first = DevModeHttp.get("/shelf/1").then().statusCode(200).extract().asString();
    DevModeHttp.get("/shelf/1")
        .then()
        .body(equalTo(first))
        .header("Cache-Status", containsString("restcache; hit"));
    JsonPath before = DevUiJsonRpc.call("getStatistics");
    assertThat(before.getLong("result.object.hits")).isPositive();
    assertThat(before.getLong("result.object.stores")).isPositive();
    assertThat(before.getLong("result.object.entries")).isPositive();
    assertThat(before.getString("result.object.store")).isEqualTo("InMemoryCacheStore");

    JsonPath after = DevUiJsonRpc.call("clear");
    assertThat(after.getLong("result.object.entries")).isZero();

    String second =
        DevModeHttp.get("/shelf/1")
            .then()
            .statusCode(200)
            .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"))
            .extract()
            .asString();
    assertThat(second).as("the resource ran again").isNotEqualTo(first);
    assertThat(DevUiJsonRpc.call("getStatistics").getLong("result.object.misses"))
        .isGreaterThan(before.getLong("result.object.misses"));
  }
}
