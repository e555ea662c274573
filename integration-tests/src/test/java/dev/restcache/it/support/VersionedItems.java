package dev.restcache.it.support;

import dev.restcache.Cached;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Items whose state every application instance of a test shares, as a database would: a GET (cached
 * five minutes) answers {@code "<id> v<version>"}, a PUT increments the version and answers it.
 */
@Path("/items")
public class VersionedItems {
  private final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();

  /** The item's current state. */
  @GET
  @Path("{id}")
  @Cached(ttl = 300)
  public String get(@PathParam("id") String id) {
    return id + " v" + version(id).get();
  }

  /** Changes the item; answers its new version. */
  @PUT
  @Path("{id}")
  public String put(@PathParam("id") String id) {
    return String.valueOf(version(id).incrementAndGet());
  }

  /** The version in a GET's body. */
  public static int versionIn(String body) {
    return Integer.parseInt(body.substring(body.indexOf(" v") + 2));
  }

  private AtomicInteger version(String id) {
    return versions.computeIfAbsent(id, any -> new AtomicInteger());
  }
}
