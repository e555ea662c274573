package dev.restcache.testing.contract;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reads the contract application's {@link Counters}; never cached. */
@Path("/contract/counters/{name}")
public class CountersResource {
  /** The count of {@code name}, as a decimal number. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String count(@PathParam("name") String name) {
    return Integer.toString(Counters.get(name));
  }
}
