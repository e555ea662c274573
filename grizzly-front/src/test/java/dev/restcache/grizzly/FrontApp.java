package dev.restcache.grizzly;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** The application behind the front in the tests: what it runs, and how often. */
final class FrontApp {
  private FrontApp() {}

  /** A request filter of the application; the front must skip it, and only it, on a hit. */
  static final class CountingFilter implements ContainerRequestFilter {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
      runs.incrementAndGet();
    }
  }

  /** Resources with every kind of entry the front must tell apart. */
  @Path("/")
  public static final class Resource {
    final AtomicInteger calls = new AtomicInteger();
    volatile String document = "first";

    @GET
    @Path("public")
    @Cached
    @CacheControl(isPublic = true)
    public String publicEntry() {
      return "public #" + calls.incrementAndGet();
    }

    @GET
    @Path("shared")
    @Cached
    @CacheControl(sMaxAge = 60)
    public String sharedEntry() {
      return "shared #" + calls.incrementAndGet();
    }

    @GET
    @Path("unmarked")
    @Cached
    public String unmarkedEntry() {
      return "unmarked #" + calls.incrementAndGet();
    }

    @GET
    @Path("negotiated")
    @Cached(vary = "Accept")
    @CacheControl(isPublic = true)
    public String negotiated(@HeaderParam("Accept") String accept) {
      return "for " + accept + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("document")
    @Cached
    @CacheControl(isPublic = true)
    public String document() {
      calls.incrementAndGet();
      return document;
    }

    @PUT
    @Path("document")
    public void replace(String document) {
      this.document = document;
    }

    @GET
    @Path("later")
    @Cached
    public CompletionStage<String> later() {
      return CompletableFuture.supplyAsync(() -> "later #" + calls.incrementAndGet());
    }

    @GET
    @Path("reflect")
    @Cached
    @CacheControl(isPublic = true)
    public String reflect(@Context UriInfo uri) {
      calls.incrementAndGet();
      return uri.getRequestUri().toString();
    }
  }
}
