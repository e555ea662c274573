package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ParamException;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Family 7: errors are not stored for everyone. Neither {@code @CacheControl(maxAge = ...)} nor a
 * TTL (the feature's default, or the method's {@code @Cached(ttl)}) gives freshness to a 4xx or
 * 5xx: one missing item, one failed database call, one bad parameter must not be served to every
 * later visitor (cache-poisoned denial of service). Only an error the resource itself made fresh
 * may be stored. A conversion failure of a parameter is never stored, even when an ExceptionMapper
 * adds {@code max-age}. A request with {@code If-Match}, {@code If-Unmodified-Since} or {@code
 * If-Range} never uses the cache: it is not answered from it and its answer (a 412, or a 200) is
 * not stored.
 */
class ErrorStorageTest {
  private static final String HIT = "restcache; hit";
  private static final Instant LAST_MODIFIED = Instant.parse("2024-05-01T10:00:00Z");

  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** A catalogue whose items may not exist yet, and whose backend may be failing. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean exists;
    volatile int failWith;

    @GET
    @Path("items/{id}")
    @Cached
    public Response item(@PathParam("id") long id) {
      int call = calls.incrementAndGet();
      return exists
          ? Response.ok("item " + id + " call " + call).build()
          : Response.status(404).entity("no item " + id).build();
    }

    @GET
    @Path("annotated/{id}")
    @Cached
    @CacheControl(maxAge = 60)
    public Response annotated(@PathParam("id") long id) {
      int call = calls.incrementAndGet();
      return exists
          ? Response.ok("item " + id + " call " + call).build()
          : Response.status(404).entity("no item " + id).build();
    }

    /** The strongest annotation there is; it still says nothing about errors. */
    @GET
    @Path("backend")
    @Cached
    @CacheControl(maxAge = 60, sMaxAge = 60, isPublic = true)
    public Response backend() {
      int call = calls.incrementAndGet();
      return failWith != 0
          ? Response.status(failWith).entity("backend error").build()
          : Response.ok("backend call " + call).build();
    }

    @GET
    @Path("plain-backend")
    @Cached
    public Response plainBackend() {
      int call = calls.incrementAndGet();
      return failWith != 0
          ? Response.status(failWith).entity("backend error").build()
          : Response.ok("backend call " + call).build();
    }

    @GET
    @Path("archive")
    @Cached(ttl = 300)
    public Response archive() {
      int call = calls.incrementAndGet();
      return exists
          ? Response.ok("archive call " + call).build()
          : Response.status(410).entity("gone").build();
    }

    @GET
    @Path("lookup")
    @Cached
    @CacheControl(maxAge = 60)
    public String lookup() {
      int call = calls.incrementAndGet();
      if (!exists) {
        throw new NotFoundException("not there yet");
      }
      return "found call " + call;
    }

    /** The resource says itself how long its 404 holds. */
    @GET
    @Path("retired")
    @Cached
    public Response retired() {
      calls.incrementAndGet();
      return Response.status(404)
          .header("Cache-Control", "max-age=60")
          .entity("retired for good")
          .build();
    }

    @GET
    @Path("count")
    @Cached
    public String count(@QueryParam("n") int n) {
      return "n=" + n + " call " + calls.incrementAndGet();
    }

    @GET
    @Path("list")
    @Cached
    public String list(@HeaderParam("X-Page-Size") int size) {
      return "size=" + size + " call " + calls.incrementAndGet();
    }

    @GET
    @Path("docs/1")
    @Cached
    public Response document(@Context Request request) {
      int call = calls.incrementAndGet();
      EntityTag tag = new EntityTag("v1");
      Date lastModified = Date.from(LAST_MODIFIED);
      Response.ResponseBuilder failed = request.evaluatePreconditions(lastModified, tag);
      if (failed != null) {
        return failed.header("Cache-Control", "max-age=60").entity("precondition failed").build();
      }
      return Response.ok("doc v1 call " + call)
          .tag(tag)
          .lastModified(lastModified)
          .header("Cache-Control", "max-age=60")
          .build();
    }

    /** Honours If-Range itself: a part when the validator holds, the whole body otherwise. */
    @GET
    @Path("docs/2")
    @Cached
    public Response ranged(@Context HttpHeaders headers) {
      int call = calls.incrementAndGet();
      String body = "document two call " + call;
      String range = headers.getHeaderString("Range");
      if (range != null && "\"v2\"".equals(headers.getHeaderString("If-Range"))) {
        return Response.status(206)
            .header("Content-Range", "bytes 0-7/" + body.length())
            .entity(body.substring(0, 8))
            .build();
      }
      return Response.ok(body)
          .tag(new EntityTag("v2"))
          .header("Cache-Control", "max-age=60")
          .build();
    }
  }

  /** Turns a bad parameter into a friendly answer, cacheable for a minute. */
  public static class FriendlyParamErrors implements ExceptionMapper<ParamException> {
    final AtomicInteger mapped = new AtomicInteger();

    @Override
    public Response toResponse(ParamException error) {
      mapped.incrementAndGet();
      return Response.status(error.getResponse().getStatus())
          .header("Cache-Control", "max-age=60")
          .type(MediaType.TEXT_PLAIN)
          .entity("bad " + error.getParameterName())
          .build();
    }
  }

  /** A custom 404 page, cacheable for a minute. */
  public static class FriendlyNotFound implements ExceptionMapper<NotFoundException> {
    final AtomicInteger mapped = new AtomicInteger();

    @Override
    public Response toResponse(NotFoundException error) {
      mapped.incrementAndGet();
      return Response.status(404)
          .header("Cache-Control", "max-age=60")
          .type(MediaType.TEXT_PLAIN)
          .entity("nothing here")
          .build();
    }
  }

  private ResourceConfig app() {
    return Apps.of(ResponseCacheFeature.withDefaults(), resource);
  }

  private io.restassured.response.Response get(String path) {
    return server.request().get(path);
  }

  private static boolean isHit(io.restassured.response.Response response) {
    String status = response.header("Cache-Status");
    return (status != null && status.startsWith(HIT)) || response.header("Age") != null;
  }

  private static void assertNotAHit(io.restassured.response.Response response) {
    assertThat(isHit(response)).as("a hit: " + response.headers()).isFalse();
  }

  @Test
  void aNotFoundWithTheDefaultTtlIsNotStored() {
    server.start(app());
    io.restassured.response.Response missing = get("/items/7");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.asString()).isEqualTo("no item 7");
    resource.exists = true;
    io.restassured.response.Response created = get("/items/7");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.asString()).isEqualTo("item 7 call 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aNotFoundOnAMethodWithCacheControlMaxAgeIsNotStored() {
    server.start(app());
    assertThat(get("/annotated/7").statusCode()).isEqualTo(404);
    resource.exists = true;
    io.restassured.response.Response created = get("/annotated/7");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.asString()).isEqualTo("item 7 call 2");
    assertThat(resource.calls).hasValue(2);
    // What is fresh is still stored: the annotation does apply to the 200.
    assertThat(get("/annotated/7").asString()).isEqualTo("item 7 call 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aServerErrorOnAMethodWithCacheControlMaxAgeIsNotStored() {
    server.start(app());
    resource.failWith = 500;
    io.restassured.response.Response failed = get("/backend");
    assertThat(failed.statusCode()).isEqualTo(500);
    resource.failWith = 0;
    io.restassured.response.Response next = get("/backend");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("backend call 2");
    assertNotAHit(next);
    assertThat(resource.calls).hasValue(2);
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {404, 500})
  void anErrorWithTheDefaultTtlIsNotStored(int status) {
    server.start(app());
    resource.failWith = status;
    assertThat(get("/plain-backend").statusCode()).isEqualTo(status);
    resource.failWith = 0;
    io.restassured.response.Response next = get("/plain-backend");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("backend call 2");
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: every error status, with every freshness the annotation can give.
  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 414, 429, 451, 500, 501, 502, 503, 504})
  void noErrorGetsFreshnessFromAPublicSMaxAgeAnnotation(int status) {
    server.start(app());
    resource.failWith = status;
    assertThat(get("/backend").statusCode()).isEqualTo(status);
    resource.failWith = 0;
    io.restassured.response.Response next = get("/backend");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("backend call 2");
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: @Cached(ttl) is a TTL like the default one; 410 is heuristically cacheable.
  @Test
  void aGoneWithTheMethodsOwnTtlIsNotStored() {
    server.start(app());
    assertThat(get("/archive").statusCode()).isEqualTo(410);
    resource.exists = true;
    io.restassured.response.Response next = get("/archive");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("archive call 2");
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: the 404 comes from a thrown NotFoundException that Jersey maps itself, and the
  // annotation's max-age is merged into it by the response filters.
  @Test
  void aNotFoundExceptionThrownByAnAnnotatedMethodIsNotStored() {
    server.start(app());
    assertThat(get("/lookup").statusCode()).isEqualTo(404);
    resource.exists = true;
    io.restassured.response.Response next = get("/lookup");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("found call 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void anErrorWhoseFreshnessTheResourceSetItselfIsServedTheSameWhetherStoredOrNot() {
    server.start(app());
    io.restassured.response.Response first = get("/retired");
    io.restassured.response.Response second = get("/retired");
    for (io.restassured.response.Response response : List.of(first, second)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.asString()).isEqualTo("retired for good");
      assertThat(response.headers().getList("Cache-Control")).hasSize(1);
      assertThat(response.header("Cache-Control")).isEqualTo("max-age=60");
    }
    assertThat(resource.calls.get()).isBetween(1, 2);
  }

  @Test
  void aPathParameterThatDoesNotConvertIsNeverStoredEvenWithAMapperSayingMaxAge() {
    FriendlyParamErrors mapper = new FriendlyParamErrors();
    server.start(app().register(mapper));
    resource.exists = true;
    for (int i = 0; i < 2; i++) {
      io.restassured.response.Response bad = get("/items/abc");
      assertThat(bad.statusCode()).isEqualTo(404);
      assertThat(bad.asString()).isEqualTo("bad id");
      assertNotAHit(bad);
    }
    assertThat(mapper.mapped).hasValue(2);
    assertThat(get("/items/1").asString()).isEqualTo("item 1 call 1");
  }

  @Test
  void aQueryParameterThatDoesNotConvertIsNeverStoredEvenWithAMapperSayingMaxAge() {
    FriendlyParamErrors mapper = new FriendlyParamErrors();
    server.start(app().register(mapper));
    for (int i = 0; i < 2; i++) {
      io.restassured.response.Response bad = get("/count?n=x");
      assertThat(bad.statusCode()).isEqualTo(404);
      assertThat(bad.asString()).isEqualTo("bad n");
      assertNotAHit(bad);
    }
    assertThat(mapper.mapped).hasValue(2);
    assertThat(get("/count?n=3").asString()).isEqualTo("n=3 call 1");
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void aPathParameterThatDoesNotConvertIsNeverStoredWithANotFoundMapper() {
    FriendlyNotFound mapper = new FriendlyNotFound();
    server.start(app().register(mapper));
    resource.exists = true;
    for (int i = 0; i < 2; i++) {
      io.restassured.response.Response bad = get("/items/abc");
      assertThat(bad.statusCode()).isEqualTo(404);
      assertNotAHit(bad);
    }
    assertThat(resource.calls).hasValue(0);
  }

  // Own attack (cache-poisoned denial of service through a header): a header value that does
  // not convert is a 400 for its sender, with max-age from the mapper; nobody else may get it.
  @Test
  void aHeaderParameterThatDoesNotConvertIsNeverStoredEvenWithAMapperSayingMaxAge() {
    FriendlyParamErrors mapper = new FriendlyParamErrors();
    server.start(app().register(mapper));
    io.restassured.response.Response bad =
        server.request().header("X-Page-Size", "lots").get("/list");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.asString()).isEqualTo("bad X-Page-Size");
    io.restassured.response.Response plain = get("/list");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.asString()).isEqualTo("size=0 call 1");
    io.restassured.response.Response againBad =
        server.request().header("X-Page-Size", "lots").get("/list");
    assertThat(againBad.statusCode()).isEqualTo(400);
    assertThat(mapper.mapped).hasValue(2);
  }

  @Test
  void aFailedIfMatchIsA412ThatIsNeverStored() {
    server.start(app());
    io.restassured.response.Response failed =
        server.request().header("If-Match", "\"v0\"").get("/docs/1");
    assertThat(failed.statusCode()).isEqualTo(412);
    io.restassured.response.Response plain = get("/docs/1");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.asString()).isEqualTo("doc v1 call 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aFailedIfUnmodifiedSinceIsA412ThatIsNeverStored() {
    server.start(app());
    io.restassured.response.Response failed =
        server
            .request()
            .header("If-Unmodified-Since", "Mon, 01 Jan 2024 00:00:00 GMT")
            .get("/docs/1");
    assertThat(failed.statusCode()).isEqualTo(412);
    io.restassured.response.Response plain = get("/docs/1");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.asString()).isEqualTo("doc v1 call 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void anIfMatchRequestIsNotAnsweredFromTheCache() {
    server.start(app());
    assertThat(get("/docs/1").asString()).isEqualTo("doc v1 call 1");
    io.restassured.response.Response conditional =
        server.request().header("If-Match", "\"v0\"").get("/docs/1");
    assertThat(conditional.statusCode()).isEqualTo(412);
    assertNotAHit(conditional);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void anIfUnmodifiedSinceRequestIsNotAnsweredFromTheCache() {
    server.start(app());
    assertThat(get("/docs/1").asString()).isEqualTo("doc v1 call 1");
    io.restassured.response.Response conditional =
        server
            .request()
            .header("If-Unmodified-Since", "Mon, 01 Jan 2024 00:00:00 GMT")
            .get("/docs/1");
    assertThat(conditional.statusCode()).isEqualTo(412);
    assertNotAHit(conditional);
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: even a successful conditional answer is not stored (its answer never is).
  @Test
  void anIfMatchThatHoldsIsAnsweredByTheResourceAndNotStored() {
    server.start(app());
    io.restassured.response.Response conditional =
        server.request().header("If-Match", "\"v1\"").get("/docs/1");
    assertThat(conditional.statusCode()).isEqualTo(200);
    assertThat(conditional.asString()).isEqualTo("doc v1 call 1");
    io.restassured.response.Response plain = get("/docs/1");
    assertThat(plain.asString()).isEqualTo("doc v1 call 2");
    assertNotAHit(plain);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void anIfRangeRequestIsAnsweredByTheResourceNotFromTheCache() {
    server.start(app());
    assertThat(get("/docs/2").asString()).isEqualTo("document two call 1");
    io.restassured.response.Response part =
        server.request().header("Range", "bytes=0-7").header("If-Range", "\"v2\"").get("/docs/2");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.asString()).isEqualTo("document");
    assertNotAHit(part);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void anIfRangeRequestsAnswerIsNeverStored() {
    server.start(app());
    io.restassured.response.Response whole =
        server.request().header("Range", "bytes=0-7").header("If-Range", "\"v0\"").get("/docs/2");
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.asString()).isEqualTo("document two call 1");
    io.restassured.response.Response plain = get("/docs/2");
    assertThat(plain.asString()).isEqualTo("document two call 2");
    assertNotAHit(plain);
    assertThat(resource.calls).hasValue(2);
  }
}
