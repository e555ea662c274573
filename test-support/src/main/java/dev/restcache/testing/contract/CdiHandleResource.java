package dev.restcache.testing.contract;

import dev.restcache.ResponseCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Evicts a tag through the handle CDI injects; only where CDI runs. */
@Path("/contract/handles/cdi/{tag}")
public class CdiHandleResource {
  @Inject ResponseCache cache;

  /** Evicts every entry tagged {@code tag}. */
  @POST
  public void invalidate(@PathParam("tag") String tag) {
    cache.invalidateTags(tag);
  }
}
