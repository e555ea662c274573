package dev.restcache.quarkus.app;

import dev.restcache.Cached;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Non-blocking endpoints: Quarkus REST runs them on a Vert.x event loop. */
@Path("/reactive")
@Produces(MediaType.TEXT_PLAIN)
public class ReactiveResource {
  private final Calls calls;

  @Inject
  ReactiveResource(Calls calls) {
    this.calls = calls;
  }

  @GET
  @Path("/{id}")
  @Cached(ttl = 60)
  public Uni<String> get(@PathParam("id") String id) {
    calls.record("reactive " + id);
    return Uni.createFrom().item("reactive " + id);
  }

  /** The same read, never cached: the baseline a hit is measured against. */
  @GET
  @Path("/plain/{id}")
  public Uni<String> plain(@PathParam("id") String id) {
    calls.record("reactive plain " + id);
    return Uni.createFrom().item("reactive " + id);
  }

  @PUT
  @Path("/{id}")
  public Uni<String> put(@PathParam("id") String id, String body) {
    return Uni.createFrom().item(body);
  }
}
