package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import dev.restcache.it.support.TestServer;
import dev.restcache.memory.InMemoryCacheStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How requests map to keys: query order, ignored parameters, and the key prefix. */
class KeyNormalisationTest {
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    final String name;

    public Resource() {
      this("app");
    }

    Resource(String name) {
      this.name = name;
    }

    @GET
    @Path("list")
    @Cached(tags = "list")
    public String list(@QueryParam("a") String a, @QueryParam("b") List<String> b) {
      return name + " " + calls.incrementAndGet() + " a=" + a + " b=" + b;
    }

    @PUT
    @Path("list")
    public void write() {}
  }

  @Test
  void parameterOrderSharesAnEntryButRepeatedParametersKeepTheirOrder() {
    Resource resource = new Resource();
    server.start(Apps.of(ResponseCacheFeature.withDefaults(), resource));
    server.request().get("/list?a=1&b=x&b=y").then().body(equalTo("app 1 a=1 b=[x, y]"));
    server
        .request()
        .get("/list?b=x&a=1&b=y")
        .then()
        .body(equalTo("app 1 a=1 b=[x, y]"))
        .header("Cache-Status", startsWith("restcache; hit"));
    server.request().get("/list?b=y&a=1&b=x").then().body(equalTo("app 2 a=1 b=[y, x]"));
  }

  @Test
  void sortingCanBeTurnedOff() {
    Resource resource = new Resource();
    server.start(
        Apps.of(ResponseCacheFeature.builder().sortQueryParameters(false).build(), resource));
    server.request().get("/list?a=1&b=x").then().body(equalTo("app 1 a=1 b=[x]"));
    server.request().get("/list?b=x&a=1").then().body(equalTo("app 2 a=1 b=[x]"));
  }

  @Test
  void ignoredParametersShareTheEntryOfTheUrlWithoutThem() {
    Resource resource = new Resource();
    server.start(
        Apps.of(
            ResponseCacheFeature.builder().ignoreQueryParameters("utm_*", "fbclid").build(),
            resource));
    server.request().get("/list?a=1").then().body(equalTo("app 1 a=1 b=[]"));
    server
        .request()
        .get("/list?utm_source=news&a=1&fbclid=abc&UTM_Medium=mail")
        .then()
        .body(equalTo("app 1 a=1 b=[]"))
        .header("Cache-Status", startsWith("restcache; hit"));
    server.request().get("/list?a=1&utmost=1").then().body(equalTo("app 2 a=1 b=[]"));
  }

  @Test
  void servicesWithTheirOwnPrefixShareAStoreWithoutSeeingOrEvictingEachOther() {
    InMemoryCacheStore shared = new InMemoryCacheStore();
    Resource first = new Resource("first");
    Resource second = new Resource("second");
    ResponseCacheFeature secondFeature =
        ResponseCacheFeature.builder().store(shared).keyPrefix("second:").build();
    server.start(
        Apps.of(ResponseCacheFeature.builder().store(shared).keyPrefix("first:").build(), first));
    try (TestServer other = TestServer.start(Apps.of(secondFeature, second), null)) {
      // One host name for both, so that without prefixes their keys would be the same.
      server
          .request()
          .header("Host", "shop.example")
          .get("/list")
          .then()
          .body(startsWith("first 1"));
      other
          .request()
          .header("Host", "shop.example")
          .get("/list")
          .then()
          .body(startsWith("second 1"));
      server.request().header("Host", "shop.example").put("/list").then().statusCode(204);
      secondFeature.cache().invalidateTags("other");
      other
          .request()
          .header("Host", "shop.example")
          .get("/list")
          .then()
          .body(startsWith("second 1"))
          .header("Cache-Status", startsWith("restcache; hit"));
      server
          .request()
          .header("Host", "shop.example")
          .get("/list")
          .then()
          .body(startsWith("first 2"));
      secondFeature.cache().invalidateTags("list");
      server
          .request()
          .header("Host", "shop.example")
          .get("/list")
          .then()
          .body(startsWith("first 2"))
          .header("Cache-Status", startsWith("restcache; hit"));
      other
          .request()
          .header("Host", "shop.example")
          .get("/list")
          .then()
          .body(startsWith("second 2"));
    }
    // Each service's one entry is an Accept variant (the method has no @Produces) and its index.
    assertThat(shared.size()).isEqualTo(4);
  }
}
