package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Family 4: what is stored is exactly what was written. The store decision must hold for the status
 * and headers actually sent, whatever the application does after the cache's own filters have
 * looked at the response: a response filter at a low priority (response filters run in descending
 * priority, so 50 runs after the cache's filters), a filter without priority, a WriterInterceptor
 * before or after {@code proceed()} at any priority. And a response that fails after the decision
 * (a writer that throws half way, a {@link StreamingOutput} that throws, a POJO that Jackson cannot
 * serialise) is never stored: the next visitor gets the resource again, never a stored 500 nor half
 * a body.
 */
class WrittenResponseTest {
  private static final String HIT = "restcache; hit";

  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** Pages that name the call that produced them, so a stored one is recognisable. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("page")
    @Cached
    public String page() {
      return "page " + calls.incrementAndGet();
    }

    @GET
    @Path("shared")
    @Cached
    @CacheControl(maxAge = 60, isPublic = true)
    public String shared() {
      return "shared " + calls.incrementAndGet();
    }

    @GET
    @Path("empty")
    @Cached
    public Response empty() {
      calls.incrementAndGet();
      return Response.noContent().build();
    }

    @GET
    @Path("report")
    @Cached
    @Produces("application/x-report")
    public Report report() {
      return new Report(calls.incrementAndGet());
    }

    /** The first call's stream breaks after some bytes, as a lost upstream would. */
    @GET
    @Path("stream")
    @Cached
    @CacheControl(maxAge = 60)
    public StreamingOutput stream() {
      int call = calls.incrementAndGet();
      return out -> {
        out.write(("partial " + call).getBytes(StandardCharsets.UTF_8));
        if (call == 1) {
          throw new WebApplicationException("upstream gone", 503);
        }
        out.write(" complete".getBytes(StandardCharsets.UTF_8));
      };
    }

    @GET
    @Path("item")
    @Cached
    @Produces(MediaType.APPLICATION_JSON)
    public Item item() {
      return new Item(calls.incrementAndGet());
    }

    @GET
    @Path("annotated-item")
    @Cached
    @CacheControl(maxAge = 60)
    @Produces(MediaType.APPLICATION_JSON)
    public Item annotatedItem() {
      return new Item(calls.incrementAndGet());
    }
  }

  /** A report whose writer breaks half way through the first one. */
  public record Report(int call) {}

  /** Writes half of the report, then (for the first call) loses its data source. */
  @Produces("application/x-report")
  public static class ReportWriter implements MessageBodyWriter<Report> {
    @Override
    public boolean isWriteable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == Report.class;
    }

    @Override
    public void writeTo(
        Report report,
        Class<?> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, Object> headers,
        OutputStream out)
        throws IOException {
      out.write(("first half of report " + report.call() + "\n").getBytes(StandardCharsets.UTF_8));
      if (report.call() == 1) {
        throw new IOException("report store went away");
      }
      out.write("second half\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A bean whose getter fails for the first call, as a lazy-loading getter would. */
  public static class Item {
    private final int call;

    Item(int call) {
      this.call = call;
    }

    public int getCall() {
      return call;
    }

    public String getName() {
      if (call == 1) {
        throw new IllegalStateException("lazy association not loaded");
      }
      return "item " + call;
    }
  }

  /** The catch-all mapper many applications have; it even says the error may be cached. */
  public static class CatchAll implements ExceptionMapper<Throwable> {
    final AtomicInteger mapped = new AtomicInteger();

    @Override
    public Response toResponse(Throwable error) {
      mapped.incrementAndGet();
      return Response.status(500)
          .header("Cache-Control", "max-age=60")
          .type(MediaType.TEXT_PLAIN)
          .entity("sorry, try again")
          .build();
    }
  }

  /** Gives every new visitor a cookie; at 50 it runs after the cache's response filters. */
  @Priority(50)
  public static class RememberVisitor implements ContainerResponseFilter {
    final AtomicInteger visitors = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (!request.getCookies().containsKey("visitor")) {
        response
            .getHeaders()
            .add("Set-Cookie", "visitor=" + visitors.incrementAndGet() + "; Path=/");
      }
    }
  }

  /** Marks responses to logged-in users private, after the cache's filters. */
  @Priority(50)
  public static class PrivateForMembers implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (request.getHeaderString("X-Member") != null) {
        response.getHeaders().add("Cache-Control", "private");
      }
    }
  }

  /** Keeps sensitive responses out of every cache, with a second Cache-Control line. */
  @Priority(50)
  public static class NoStoreForMembers implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (request.getHeaderString("X-Member") != null) {
        response.getHeaders().add("Cache-Control", "no-store");
      }
    }
  }

  /** Says the response depends on everything, for a beta tester; no priority (USER). */
  public static class VaryStarForBeta implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (request.getHeaderString("X-Beta") != null) {
        response.getHeaders().add("Vary", "*");
      }
    }
  }

  /** Blocks a flagged client by replacing the answer, after the cache's filters. */
  @Priority(50)
  public static class Blocklist implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (request.getHeaderString("X-Flagged") != null) {
        response.setStatus(403);
        response.setEntity("blocked", new Annotation[0], MediaType.TEXT_PLAIN_TYPE);
      }
    }
  }

  /** Starts a session for each response as its body is written. */
  public static class SessionCookieWriter implements WriterInterceptor {
    final AtomicInteger sessions = new AtomicInteger();
    private final boolean afterProceed;

    SessionCookieWriter(boolean afterProceed) {
      this.afterProceed = afterProceed;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      if (!afterProceed) {
        context.getHeaders().add("Set-Cookie", "session=" + sessions.incrementAndGet());
      }
      context.proceed();
      if (afterProceed) {
        // Jersey buffers the first 8 KiB before committing, so this still reaches the client.
        context.getHeaders().add("Set-Cookie", "session=" + sessions.incrementAndGet());
      }
    }
  }

  /** Marks a response private once it knows what it wrote, around the content coding. */
  public static class PrivateAfterWriting implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      context.proceed();
      context.getHeaders().putSingle("Cache-Control", "private");
    }
  }

  /** Audits every body written, and fails when the audit log is down. */
  public static class FailingAudit implements WriterInterceptor {
    final AtomicInteger audits = new AtomicInteger();

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      context.proceed();
      if (audits.incrementAndGet() == 1) {
        throw new IllegalStateException("audit log unavailable");
      }
    }
  }

  private ResourceConfig app() {
    return Apps.of(ResponseCacheFeature.withDefaults(), resource);
  }

  private io.restassured.response.Response get(String path) {
    return server.request().get(path);
  }

  private static List<String> values(io.restassured.response.Response response, String name) {
    return response.headers().getList(name).stream().map(h -> h.getValue()).toList();
  }

  private static void assertNotAHit(io.restassured.response.Response response) {
    assertThat(response.header("Cache-Status")).as("Cache-Status").doesNotStartWith(HIT);
    assertThat(response.header("Age")).as("Age").isNull();
  }

  @Test
  void aSetCookieFromAResponseFilterAtPriority50IsNeverStored() {
    RememberVisitor visitors = new RememberVisitor();
    server.start(app().register(visitors));
    io.restassured.response.Response alice = get("/page");
    assertThat(alice.statusCode()).isEqualTo(200);
    assertThat(alice.asString()).isEqualTo("page 1");
    assertThat(values(alice, "Set-Cookie")).containsExactly("visitor=1; Path=/");
    io.restassured.response.Response bob = get("/page");
    assertThat(values(bob, "Set-Cookie")).containsExactly("visitor=2; Path=/");
    assertThat(bob.asString()).isEqualTo("page 2");
    assertNotAHit(bob);
    assertThat(resource.calls).hasValue(2);
  }

  @ParameterizedTest(name = "filter priority {0}")
  @ValueSource(
      ints = {0, 1, 99, 100, 101, Priorities.HEADER_DECORATOR, Priorities.USER, Integer.MAX_VALUE})
  void aSetCookieFromAResponseFilterAtAnyPriorityIsNeverStored(int priority) {
    server.start(app().register(new RememberVisitor(), priority));
    assertThat(values(get("/page"), "Set-Cookie")).containsExactly("visitor=1; Path=/");
    io.restassured.response.Response bob = get("/page");
    assertThat(values(bob, "Set-Cookie")).containsExactly("visitor=2; Path=/");
    assertThat(bob.asString()).isEqualTo("page 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aPrivateCacheControlFromAResponseFilterAtPriority50IsNeverStored() {
    server.start(app().register(PrivateForMembers.class));
    io.restassured.response.Response member =
        server.request().header("X-Member", "alice").get("/page");
    assertThat(member.asString()).isEqualTo("page 1");
    assertThat(values(member, "Cache-Control")).containsExactly("private");
    io.restassured.response.Response visitor = get("/page");
    assertThat(visitor.asString()).isEqualTo("page 2");
    assertThat(values(visitor, "Cache-Control")).isEmpty();
    assertNotAHit(visitor);
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: an annotated public response, and the late filter adds a second
  // Cache-Control line saying private. Private wins (RFC 9111 §5.2.2.7).
  @Test
  void aPrivateLineAddedNextToAnAnnotatedPublicOneKeepsTheResponseOutOfTheCache() {
    server.start(app().register(PrivateForMembers.class));
    io.restassured.response.Response member =
        server.request().header("X-Member", "alice").get("/shared");
    assertThat(member.asString()).isEqualTo("shared 1");
    assertThat(String.join(",", values(member, "Cache-Control"))).contains("private");
    io.restassured.response.Response visitor = get("/shared");
    assertThat(visitor.asString()).isEqualTo("shared 2");
    assertNotAHit(visitor);
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: no-store as a second Cache-Control line, after the cache's filters.
  @Test
  void aNoStoreLineAddedByALateFilterIsHonoured() {
    server.start(app().register(NoStoreForMembers.class));
    io.restassured.response.Response member =
        server.request().header("X-Member", "alice").get("/shared");
    assertThat(member.asString()).isEqualTo("shared 1");
    assertThat(String.join(",", values(member, "Cache-Control"))).contains("no-store");
    io.restassured.response.Response visitor = get("/shared");
    assertThat(visitor.asString()).isEqualTo("shared 2");
    assertNotAHit(visitor);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aVaryStarFromAResponseFilterWithoutPriorityIsNeverStored() {
    server.start(app().register(VaryStarForBeta.class));
    io.restassured.response.Response beta = server.request().header("X-Beta", "1").get("/page");
    assertThat(beta.asString()).isEqualTo("page 1");
    assertThat(values(beta, "Vary")).contains("*");
    io.restassured.response.Response other = get("/page");
    assertThat(other.asString()).isEqualTo("page 2");
    assertNotAHit(other);
    assertThat(resource.calls).hasValue(2);
  }

  @ParameterizedTest(name = "Set-Cookie {0} proceed(), interceptor priority {1}")
  @CsvSource({
    "before, none", "before, ENTITY_CODER", "before, 6000",
    "after, none", "after, ENTITY_CODER", "after, 6000"
  })
  void aSetCookieFromAWriterInterceptorIsNeverStored(String when, String priority) {
    SessionCookieWriter sessions = new SessionCookieWriter(when.equals("after"));
    ResourceConfig app = app();
    switch (priority) {
      case "none" -> app.register(sessions);
      case "ENTITY_CODER" -> app.register(sessions, Priorities.ENTITY_CODER);
      default -> app.register(sessions, Integer.parseInt(priority));
    }
    server.start(app);
    io.restassured.response.Response alice = get("/page");
    assertThat(alice.asString()).isEqualTo("page 1");
    assertThat(values(alice, "Set-Cookie")).containsExactly("session=1");
    io.restassured.response.Response bob = get("/page");
    assertThat(values(bob, "Set-Cookie")).as("Bob's cookies").containsExactly("session=2");
    assertThat(bob.asString()).isEqualTo("page 2");
    assertNotAHit(bob);
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: Cache-Control: private set by an interceptor outside the cache's capture,
  // after proceed(), when the cache has already seen the whole body.
  @Test
  void aPrivateCacheControlFromAWriterInterceptorAfterProceedIsNeverStored() {
    server.start(app().register(new PrivateAfterWriting(), Priorities.ENTITY_CODER));
    io.restassured.response.Response first = get("/page");
    assertThat(first.asString()).isEqualTo("page 1");
    assertThat(values(first, "Cache-Control")).containsExactly("private");
    io.restassured.response.Response second = get("/page");
    assertThat(second.asString()).isEqualTo("page 2");
    assertNotAHit(second);
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: a response without a body is stored by the cache's response filter itself,
  // before a filter at priority 50 adds the cookie.
  @Test
  void aSetCookieFromALateFilterOnAResponseWithoutBodyIsNeverStored() {
    server.start(app().register(new RememberVisitor()));
    io.restassured.response.Response alice = get("/empty");
    assertThat(alice.statusCode()).isEqualTo(204);
    assertThat(values(alice, "Set-Cookie")).containsExactly("visitor=1; Path=/");
    io.restassured.response.Response bob = get("/empty");
    assertThat(bob.statusCode()).isEqualTo(204);
    assertThat(values(bob, "Set-Cookie")).containsExactly("visitor=2; Path=/");
    assertNotAHit(bob);
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack (cache-poisoned denial of service): a late filter turns the answer into a 403
  // for one flagged client. What was written is a 403 "blocked"; it must not be stored, and
  // certainly not as a 200 with the 403's body.
  @Test
  void anAnswerALateFilterTurnsIntoA403IsNeverStored() {
    server.start(app().register(Blocklist.class));
    io.restassured.response.Response flagged =
        server.request().header("X-Flagged", "1").get("/page");
    assertThat(flagged.statusCode()).isEqualTo(403);
    assertThat(flagged.asString()).isEqualTo("blocked");
    io.restassured.response.Response other = get("/page");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.asString()).isEqualTo("page 2");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aWriterThatFailsHalfWayIsNeverStoredAndTheNextCompleteAnswerIs() {
    server.start(app().register(ReportWriter.class));
    io.restassured.response.Response broken = get("/report");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.asString()).doesNotContain("first half");
    io.restassured.response.Response next = get("/report");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("first half of report 2\nsecond half\n");
    assertNotAHit(next);
    io.restassured.response.Response hit = get("/report");
    assertThat(hit.asString()).isEqualTo("first half of report 2\nsecond half\n");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aStreamingOutputThatThrowsA503IsNeverStored() {
    server.start(app());
    io.restassured.response.Response broken = get("/stream");
    assertThat(broken.statusCode()).isEqualTo(503);
    assertThat(broken.asString()).doesNotContain("partial");
    io.restassured.response.Response next = get("/stream");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("partial 2 complete");
    assertNotAHit(next);
    assertThat(get("/stream").asString()).isEqualTo("partial 2 complete");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aPojoThatFailsToSerialiseIsNeverStoredEvenWhenTheMapperGivesItMaxAge() {
    CatchAll mapper = new CatchAll();
    // Without its own mappers Jackson's failure reaches the application's catch-all mapper.
    server.start(app().register(JacksonFeature.withoutExceptionMappers()).register(mapper));
    io.restassured.response.Response broken = get("/item");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.asString()).isEqualTo("sorry, try again");
    io.restassured.response.Response next = get("/item");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).contains("\"name\":\"item 2\"");
    assertNotAHit(next);
    assertThat(get("/item").asString()).contains("\"name\":\"item 2\"");
    assertThat(resource.calls).hasValue(2);
    assertThat(mapper.mapped).hasValue(1);
  }

  // Own attack: Jackson's own mapper (registered by default) answers the serialisation failure
  // with a 400, and the method's @CacheControl(maxAge = 60) is merged into it when Jersey reruns
  // the response filters.
  @Test
  void aPojoThatFailsToSerialiseIsNeverStoredWhenJacksonsOwnMapperAnswers() {
    server.start(app().register(JacksonFeature.class));
    io.restassured.response.Response broken = get("/annotated-item");
    assertThat(broken.statusCode()).isBetween(400, 599);
    assertThat(broken.asString()).doesNotContain("\"call\":1");
    io.restassured.response.Response next = get("/annotated-item");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).contains("\"name\":\"item 2\"");
    assertNotAHit(next);
    assertThat(get("/annotated-item").asString()).contains("\"name\":\"item 2\"");
    assertThat(resource.calls).hasValue(2);
  }

  // Own attack: an outer interceptor fails after the cache has seen the whole body; the client
  // gets a 500, so the body must not be stored as if the response had succeeded.
  @Test
  void aWriterInterceptorThatFailsAfterTheBodyIsWrittenLeavesNothingStored() {
    server.start(app().register(new FailingAudit(), Priorities.ENTITY_CODER));
    io.restassured.response.Response failed = get("/page");
    assertThat(failed.statusCode()).isEqualTo(500);
    io.restassured.response.Response next = get("/page");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.asString()).isEqualTo("page 2");
    assertNotAHit(next);
    assertThat(resource.calls).hasValue(2);
  }
}
