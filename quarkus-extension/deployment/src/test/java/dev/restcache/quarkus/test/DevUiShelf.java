package dev.restcache.quarkus.test;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes of every kind the Dev UI page lists, counting how often the cached one runs. */
@Path("/shelf")
@Produces(MediaType.TEXT_PLAIN)
public class DevUiShelf {
  private static final AtomicInteger CALLS = new AtomicInteger();

  @GET
  @Path("/{id}")
  @Cached(ttl = 60, tags = "shelf:{id}")
  @CacheControl(maxAge = 30)
  public String get(@PathParam("id") String id) {
    return id + " #" + CALLS.incrementAndGet();
  }

  @GET
  @Path("/{id}/secret")
  @NeverCache
  public String secret(@PathParam("id") String id) {
    return "secret " + id;
  }

  @PUT
  @Path("/{id}")
  @Invalidates(tags = "shelves")
  public String put(@PathParam("id") String id, String body) {
    return body;
  }
}
