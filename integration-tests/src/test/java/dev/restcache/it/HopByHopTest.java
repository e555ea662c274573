package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MutableClock;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 9111 §3.1: the hop-by-hop fields (RFC 9110 §7.6.1) and the fields the {@code Connection}
 * field names concern one connection; they are never stored, so a hit never replays them.
 */
class HopByHopTest {
  private final MutableClock clock = new MutableClock();
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("hop")
    @Cached
    public Response hop() {
      return Response.ok("hop " + calls.incrementAndGet())
          .header("Connection", "x-private-hop")
          .header("X-Private-Hop", "secret")
          .header("Keep-Alive", "timeout=5")
          .header("X-End-To-End", "kept")
          .build();
    }

    @GET
    @Path("filtered")
    @Cached
    public Response filtered() {
      return Response.ok("filtered " + calls.incrementAndGet())
          .header("X-Filter-Hop", "per-connection")
          .build();
    }

    /** Fresh for 10 s; confirms its ETag with a 304 that carries a per-connection field. */
    @GET
    @Path("revalidated")
    @Cached
    public Response revalidated(@Context Request request) {
      calls.incrementAndGet();
      EntityTag tag = new EntityTag("v1");
      Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
      Response.ResponseBuilder answer =
          notModified != null ? notModified : Response.ok("revalidated").tag(tag);
      return answer
          .header("Cache-Control", "max-age=10")
          .header("X-Filter-Hop", "per-connection")
          .build();
    }
  }

  /** Declares, after the resource, that one of its fields is for this connection only. */
  public static class ConnectionFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (!request.getUriInfo().getPath().endsWith("hop")) {
        response.getHeaders().add("Connection", "X-Filter-Hop");
      }
    }
  }

  private void start() {
    server.start(
        Apps.of(ResponseCacheFeature.builder().clock(clock).build(), resource)
            .register(ConnectionFilter.class));
  }

  /** The members of every {@code Connection} line, lower-cased. */
  private static List<String> connectionOptions(io.restassured.response.Response response) {
    List<String> options = new ArrayList<>();
    response
        .headers()
        .getList("Connection")
        .forEach(
            line -> {
              for (String member : line.getValue().split(",")) {
                options.add(member.trim().toLowerCase(Locale.ROOT));
              }
            });
    return options;
  }

  @Test
  void aHitCarriesNeitherTheFieldsConnectionNamesNorKeepAlive() {
    start();
    server.request().get("/hop");
    io.restassured.response.Response hit = server.request().get("/hop");
    assertThat(hit.statusCode()).isEqualTo(200);
    assertThat(hit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(hit.asString()).isEqualTo("hop 1");
    assertThat(hit.header("X-Private-Hop")).isNull();
    assertThat(hit.header("Keep-Alive")).isNull();
    assertThat(connectionOptions(hit)).doesNotContain("x-private-hop");
    assertThat(hit.header("X-End-To-End")).isEqualTo("kept");
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void aFieldThatAFilterNamesInConnectionIsNotStoredEither() {
    start();
    server.request().get("/filtered");
    io.restassured.response.Response hit = server.request().get("/filtered");
    assertThat(hit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(hit.asString()).isEqualTo("filtered 1");
    assertThat(hit.header("X-Filter-Hop")).isNull();
    assertThat(resource.calls).hasValue(1);
  }

  @Test
  void aFieldNamedInConnectionIsNotStoredWhenA304RefreshesTheEntry() {
    start();
    server.request().get("/revalidated");
    clock.advance(Duration.ofSeconds(15));
    assertThat(server.request().get("/revalidated").header("Cache-Status"))
        .isEqualTo("restcache; fwd=stale; fwd-status=304; stored");
    io.restassured.response.Response hit = server.request().get("/revalidated");
    assertThat(hit.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(hit.asString()).isEqualTo("revalidated");
    assertThat(hit.header("X-Filter-Hop")).isNull();
    assertThat(resource.calls).hasValue(2);
  }
}
