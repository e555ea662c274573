package dev.restcache.quarkus.app;

import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.ResponseCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small catalogue whose reads are cached and whose writes evict them. */
@Path("/books")
@Produces(MediaType.TEXT_PLAIN)
public class BookResource {
  private final Map<String, String> titles = new ConcurrentHashMap<>();
  private final Calls calls;
  private final ResponseCache cache;

  @Inject
  BookResource(Calls calls, ResponseCache cache) {
    this.calls = calls;
    this.cache = cache;
  }

  @GET
  @Path("/{id}")
  @Cached(ttl = 60, tags = "book:{id}")
  public String get(@PathParam("id") String id) {
    calls.record("get " + id);
    return titles.getOrDefault(id, "untitled " + id);
  }

  /** The same read, never cached: the baseline a hit is measured against. */
  @GET
  @Path("/plain/{id}")
  public String plain(@PathParam("id") String id) {
    calls.record("plain " + id);
    return titles.getOrDefault(id, "untitled " + id);
  }

  @PUT
  @Path("/{id}")
  public String put(@PathParam("id") String id, String title) {
    titles.put(id, title);
    return title;
  }

  /** Renames a book through a path restcache cannot tie to it, so it names the tag. */
  @POST
  @Path("/renames/{id}")
  @Invalidates(tags = "book:{id}")
  public String rename(@PathParam("id") String id, String title) {
    titles.put(id, title);
    return title;
  }

  @GET
  @Path("/{id}/loans")
  @NeverCache
  public String loans(@PathParam("id") String id) {
    calls.record("loans " + id);
    return "no loans for " + id;
  }

  /** Evicts through the injected cache, as an admin task would. */
  @POST
  @Path("/evictions/{id}")
  public String evict(@PathParam("id") String id) {
    cache.invalidateTags("book:" + id);
    return "evicted " + id;
  }

  @GET
  @Path("/stats")
  public String stats() {
    return "hits=" + cache.stats().hits();
  }
}
