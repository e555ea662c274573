package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidationTest {
  private final Resource resource = new Resource();
  private ResponseCache cache;
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/items")
  public static class Resource {
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    private String read(String what) {
      return what + " #" + reads.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
    }

    @GET
    @Path("{id}")
    @Cached(tags = {"items", "item:{id}"})
    public Response get(
        @PathParam("id") String id,
        @QueryParam("q") String q,
        @HeaderParam("Accept-Language") String language) {
      return Response.ok(read(id + "?" + q + "@" + language), "text/plain")
          .header("Vary", "Accept-Language")
          .build();
    }

    @PUT
    @Path("{id}")
    public String put(@PathParam("id") String id) {
      return "put";
    }

    @POST
    @Path("{id}")
    public String post(@PathParam("id") String id) {
      return "post";
    }

    @PATCH
    @Path("{id}")
    public String patch(@PathParam("id") String id) {
      return "patch";
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {}

    @PUT
    @Path("{id}/failing")
    public Response failing(@PathParam("id") String id, @QueryParam("status") int status) {
      return Response.status(status).build();
    }

    @POST
    @Path("{id}/moved")
    public Response moved(
        @PathParam("id") String id,
        @QueryParam("to") String to,
        @QueryParam("header") String header) {
      return Response.status(201).header(header, to).build();
    }

    @PUT
    @Path("{id}/tagged")
    @Invalidates(tags = "item:{id}")
    public String tagged(@PathParam("id") String id) {
      return "tagged";
    }

    @PUT
    @Path("{id}/everything")
    @Invalidates(tags = "items", paths = "/items/{id}-copy")
    public String everything(@PathParam("id") String id) {
      return "everything";
    }
  }

  @BeforeEach
  void start() {
    ResponseCacheFeature feature = ResponseCacheFeature.withDefaults();
    cache = feature.cache();
    server.start(Apps.of(feature, resource));
  }

  private String get(String path, String language) {
    return server.request().header("Accept-Language", language).get(path).asString();
  }

  private void warm() {
    get("/items/1?q=a", "en");
    get("/items/1?q=a", "fr");
    get("/items/1?q=b", "en");
    get("/items/1", "en");
    get("/items/2", "en");
    assertThat(get("/items/1?q=a", "en")).isEqualTo("1?a@en #1");
    assertThat(get("/items/2", "en")).isEqualTo("2?null@en #1");
  }

  private void assertPathOneEvictedAndTwoKept() {
    assertThat(get("/items/1?q=a", "en")).isEqualTo("1?a@en #2");
    assertThat(get("/items/1?q=a", "fr")).isEqualTo("1?a@fr #2");
    assertThat(get("/items/1?q=b", "en")).isEqualTo("1?b@en #2");
    assertThat(get("/items/1", "en")).isEqualTo("1?null@en #2");
    assertThat(get("/items/2", "en")).isEqualTo("2?null@en #1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "POST", "PATCH", "DELETE"})
  void successfulWriteEvictsEveryQueryStringAndVariantOfThePathAndNothingElse(String method) {
    warm();
    server
        .request()
        .request(method, "/items/1")
        .then()
        .statusCode(method.equals("DELETE") ? 204 : 200);
    assertPathOneEvictedAndTwoKept();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409, 500, 503})
  void failedWriteEvictsNothing(int status) {
    warm();
    server.request().put("/items/1/failing?status=" + status).then().statusCode(status);
    server.request().put("/items/1?ignored=1");
    assertThat(get("/items/2", "en")).isEqualTo("2?null@en #1");
  }

  @Test
  void writeWithAQueryStringStillEvictsThePath() {
    warm();
    server.request().put("/items/1?version=3").then().statusCode(200);
    assertPathOneEvictedAndTwoKept();
  }

  @Test
  void locationOfASuccessfulWriteIsEvicted() {
    warm();
    server.request().post("/items/9/moved?header=Location&to=/items/1").then().statusCode(201);
    assertPathOneEvictedAndTwoKept();
  }

  @Test
  void contentLocationOfASuccessfulWriteIsEvicted() {
    warm();
    server
        .request()
        .post("/items/9/moved?header=Content-Location&to=/items/1")
        .then()
        .statusCode(201);
    assertPathOneEvictedAndTwoKept();
  }

  @Test
  void locationOfAnotherOriginEvictsNothing() {
    warm();
    server
        .request()
        .post("/items/9/moved?header=Location&to=http://elsewhere.example/items/1")
        .then()
        .statusCode(201);
    assertThat(get("/items/1?q=a", "en")).isEqualTo("1?a@en #1");
  }

  @Test
  void invalidatesTagResolvedFromPathParametersEvictsTaggedEntries() {
    warm();
    server.request().put("/items/1/tagged").then().statusCode(200);
    assertPathOneEvictedAndTwoKept();
  }

  @Test
  void invalidatesEvictsTagsAndExtraPaths() {
    warm();
    get("/items/1-copy", "en");
    server.request().put("/items/1/everything").then().statusCode(200);
    assertThat(get("/items/2", "en")).isEqualTo("2?null@en #2");
    assertThat(get("/items/1-copy", "en")).isEqualTo("1-copy?null@en #2");
  }

  @Test
  void responseCacheInvalidatesByTag() {
    warm();
    cache.invalidateTags("item:1");
    assertPathOneEvictedAndTwoKept();
  }

  @Test
  void responseCacheInvalidatesByPath() {
    warm();
    cache.invalidatePath("/items/1");
    assertPathOneEvictedAndTwoKept();
  }

  @Test
  void responseCacheInvalidatesByUriPath() {
    warm();
    cache.invalidate(URI.create("http://any-host/items/1?q=ignored"));
    assertPathOneEvictedAndTwoKept();
  }

  @Test
  void responseCacheClearEvictsEverything() {
    warm();
    cache.clear();
    assertThat(get("/items/2", "en")).isEqualTo("2?null@en #2");
    assertThat(get("/items/1?q=a", "en")).isEqualTo("1?a@en #2");
  }
}
