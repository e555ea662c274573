package dev.restcache.servlet;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The resources behind the front; each counts its runs under {@code resource <path>}. */
@Path("/")
public class FrontResources {
  private final Counts counts;
  private final Map<String, String> versions = new ConcurrentHashMap<>();

  FrontResources(Counts counts) {
    this.counts = counts;
  }

  /** An entry any shared cache may serve: the front's. */
  @GET
  @Path("public/{id}")
  @Produces(MediaType.TEXT_PLAIN)
  @Cached(ttl = 60)
  @CacheControl(isPublic = true)
  public String publicItem(@PathParam("id") String id) {
    counts.increment("resource /public/" + id);
    return "public " + id + " " + versions.getOrDefault(id, "v1");
  }

  /** A write: evicts the item's entry, as any write to its URI does. */
  @PUT
  @Path("public/{id}")
  @Consumes(MediaType.TEXT_PLAIN)
  public void update(@PathParam("id") String id, String version) {
    versions.put(id, version);
  }

  /** An entry only the application's own lookup may serve: not marked public. */
  @GET
  @Path("unshared/{id}")
  @Produces(MediaType.TEXT_PLAIN)
  @Cached(ttl = 60)
  public String unsharedItem(@PathParam("id") String id) {
    counts.increment("resource /unshared/" + id);
    return "unshared " + id;
  }

  /** Two representations, chosen by {@code Accept}: stored with {@code Vary: Accept}. */
  @GET
  @Path("negotiated/{id}")
  @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
  @Cached(ttl = 60)
  @CacheControl(isPublic = true)
  public Response negotiated(@PathParam("id") String id, @HeaderParam("Accept") String accept) {
    counts.increment("resource /negotiated/" + id);
    return accept != null && accept.contains("json")
        ? Response.ok("{\"id\":\"" + id + "\"}", MediaType.APPLICATION_JSON_TYPE).build()
        : Response.ok("id " + id, MediaType.TEXT_PLAIN_TYPE).build();
  }

  /** The request's URI as the application sees it, marked public. */
  @GET
  @Path("reflect")
  @Produces(MediaType.TEXT_PLAIN)
  @Cached(ttl = 60)
  @CacheControl(isPublic = true)
  public String reflect(@Context UriInfo uriInfo) {
    counts.increment("resource /reflect");
    return uriInfo.getRequestUri().toString();
  }
}
