package dev.restcache.cxf;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.ResponseCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bookstore: cached reads of titles, writes that evict them, and the methods the tests need
 * around them. CXF makes one instance per request, so the titles and {@link Calls} are static.
 */
@Path("/books")
@Produces(MediaType.TEXT_PLAIN)
public class BookResource {
  private static final Map<String, String> TITLES = new ConcurrentHashMap<>();

  @Context ResponseCache cache;

  /** Forgets every title. */
  public static void reset() {
    TITLES.clear();
  }

  private static String title(String id) {
    return TITLES.getOrDefault(id, "untitled " + id);
  }

  @GET
  @Path("/{id}")
  @Cached(ttl = 60, tags = "book:{id}")
  public String get(@PathParam("id") String id, @QueryParam("format") String format) {
    Calls.record("get " + id);
    return "short".equals(format) ? id : title(id);
  }

  @PUT
  @Path("/{id}")
  public String put(@PathParam("id") String id, String title) {
    TITLES.put(id, title);
    return title;
  }

  /** Renames a book through a path restcache cannot tie to it, so it names the tag. */
  @POST
  @Path("/renames/{id}")
  @Invalidates(tags = "book:{id}")
  public String rename(@PathParam("id") String id, String title) {
    TITLES.put(id, title);
    return title;
  }

  /** Evicts a book's entries through the injected handle, with no write to its path. */
  @POST
  @Path("/evictions/{id}")
  public String evict(@PathParam("id") String id) {
    cache.invalidateTags("book:" + id);
    return "evicted " + id;
  }

  /** The same handle as a method parameter. */
  @GET
  @Path("/hits")
  public String hits(@Context ResponseCache handle) {
    return Long.toString(handle.stats().hits());
  }

  @GET
  @Path("/{id}/card")
  @Cached(ttl = 60)
  public String card(@PathParam("id") String id) {
    Calls.record("card text " + id);
    return title(id);
  }

  @GET
  @Path("/{id}/card")
  @Cached(ttl = 60)
  @Produces(MediaType.APPLICATION_JSON)
  public String cardAsJson(@PathParam("id") String id) {
    Calls.record("card json " + id);
    return "{\"title\":\"" + title(id) + "\"}";
  }

  @GET
  @Path("/{id}/shared")
  @Cached
  @CacheControl(isPublic = true, maxAge = 60)
  public String shared(@PathParam("id") String id) {
    Calls.record("shared " + id);
    return title(id);
  }

  @GET
  @Path("/{id}/reviewed")
  @Cached
  @CacheControl(maxAge = 30)
  public String reviewed(@PathParam("id") String id) {
    Calls.record("reviewed " + id);
    return title(id) + " (reviewed)";
  }

  @GET
  @Path("/{id}/price")
  @NeverCache
  public String price(@PathParam("id") String id) {
    Calls.record("price " + id);
    return "12.00";
  }

  @GET
  @Path("/slow")
  @Cached(ttl = 60)
  public String slow() throws InterruptedException {
    Calls.record("slow");
    Thread.sleep(300);
    return "slow";
  }

  @GET
  @Path("/broken")
  @Cached(ttl = 60)
  public String broken() {
    Calls.record("broken");
    throw new IllegalStateException("no mapper handles this");
  }

  /** A book nobody has: the exception's mapper answers 404 and makes it fresh. */
  @GET
  @Path("/{id}/edition")
  @Cached(ttl = 60)
  public String edition(@PathParam("id") String id) {
    Calls.record("edition " + id);
    throw new NoSuchBookException(id);
  }

  /** An error the resource answers itself, and makes fresh. */
  @GET
  @Path("/{id}/withdrawn")
  @Cached
  public Response withdrawn(@PathParam("id") String id) {
    Calls.record("withdrawn " + id);
    return Response.status(Response.Status.GONE)
        .header("Cache-Control", "max-age=60")
        .entity("withdrawn " + id)
        .build();
  }

  @GET
  @Path("/{id}/fragile")
  @Cached(ttl = 60)
  @FailsAfterResource
  public String fragile(@PathParam("id") String id) {
    Calls.record("fragile " + id);
    return title(id);
  }
}
