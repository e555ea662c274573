package dev.restcache.quarkus.test;

import dev.restcache.Cached;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A cached method whose source the dev-mode tests edit, and what tells a restart apart. */
@Path("/reloaded")
@Produces(MediaType.TEXT_PLAIN)
public class ReloadedResource {
  // A new value only when the application restarts: redefining the class keeps it.
  private static final String STARTED = UUID.randomUUID().toString();

  @GET
  @Cached(ttl = 600)
  public String get() {
    return "old code";
  }

  @GET
  @Path("/started")
  public String started() {
    return STARTED;
  }
}
