package dev.restcache.quarkus.test;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.NeverCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Endpoints of every kind the extension tells apart. */
@Path("/items")
@Produces(MediaType.TEXT_PLAIN)
public class ItemResource {
  @Inject Counter counter;

  @GET
  @Path("/cached/{id}")
  @Cached(tags = "item:{id}")
  public String cached(@PathParam("id") String id) {
    return id + " #" + counter.next();
  }

  @GET
  @Path("/controlled/{id}")
  @Cached
  @CacheControl(maxAge = 30, mustRevalidate = true)
  public String controlled(@PathParam("id") String id) {
    return id + " #" + counter.next();
  }

  @GET
  @Path("/plain/{id}")
  public String plain(@PathParam("id") String id) {
    return id + " #" + counter.next();
  }

  @GET
  @Path("/never/{id}")
  @NeverCache
  public String never(@PathParam("id") String id) {
    return id + " #" + counter.next();
  }

  @DELETE
  @Path("/cached/{id}")
  public void delete(@PathParam("id") String id) {
    counter.next();
  }
}
