package dev.restcache.quarkus.hazelcast.test;

import dev.restcache.Cached;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.atomic.AtomicInteger;

/** A cached resource that counts its calls. */
@Path("/shelf")
public class Shelf {
  static final AtomicInteger CALLS = new AtomicInteger();

  @GET
  @Path("{id}")
  @Cached
  public String get(@PathParam("id") String id) {
    return id + " #" + CALLS.incrementAndGet();
  }

  @PUT
  @Path("{id}")
  public void put(@PathParam("id") String id) {
    // Stores nothing: the write's eviction is what the tests look at.
  }
}
