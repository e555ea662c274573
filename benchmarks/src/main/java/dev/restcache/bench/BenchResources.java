package dev.restcache.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restcache.Cached;
import dev.restcache.bench.Catalogue.Book;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The endpoints measured. {@code /floor} is the container's own cost: precomputed bytes, no cache,
 * no serialisation. {@code /hit} is the same size of JSON through the cache; {@code /front} is it
 * marked {@code public}, which the front serves on the server that has one; {@code /plain} is it
 * without the cache, for the proxies in front. {@code /expensive} serialises 300 objects and {@code
 * /backend} waits 5 ms for a backend, each with and without the cache.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResources {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<Book> SMALL = Catalogue.booksOfAtLeast(1024, books -> json(books).length);
  static final List<Book> LARGE = Catalogue.books(300);
  static final byte[] FLOOR = json(SMALL);

  /** Resource method runs per item, for the collapsing counts. */
  public static final AtomicLongArray ITEM_RUNS = new AtomicLongArray(1000);

  private static final AtomicLongArray VERSIONS = new AtomicLongArray(1000);

  @GET
  @Path("floor")
  public byte[] floor() {
    return FLOOR;
  }

  @GET
  @Path("hit")
  @Cached(ttl = 3600)
  public List<Book> hit() {
    return SMALL;
  }

  @GET
  @Path("front")
  @Cached
  public jakarta.ws.rs.core.Response front() {
    return jakarta.ws.rs.core.Response.ok(SMALL)
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }

  @GET
  @Path("plain")
  public jakarta.ws.rs.core.Response plain() {
    return jakarta.ws.rs.core.Response.ok(SMALL)
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }

  @GET
  @Path("expensive")
  public List<Book> expensive() {
    return LARGE;
  }

  @GET
  @Path("expensive-cached")
  @Cached(ttl = 3600)
  public List<Book> expensiveCached() {
    return LARGE;
  }

  @GET
  @Path("backend")
  public List<Book> backend() throws InterruptedException {
    Thread.sleep(5);
    return SMALL;
  }

  @GET
  @Path("backend-cached")
  @Cached(ttl = 3600)
  public List<Book> backendCached() throws InterruptedException {
    Thread.sleep(5);
    return SMALL;
  }

  @GET
  @Path("items/{id}")
  @Cached(ttl = 3600)
  public String item(@PathParam("id") int id) throws InterruptedException {
    ITEM_RUNS.incrementAndGet(id);
    // A backend call: long enough for concurrent requests to pile up behind the first.
    Thread.sleep(50);
    return "{\"id\":" + id + ",\"version\":" + VERSIONS.get(id) + "}";
  }

  @PUT
  @Path("items/{id}")
  public String write(@PathParam("id") int id) {
    return "{\"version\":" + VERSIONS.incrementAndGet(id) + "}";
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
