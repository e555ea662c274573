package dev.restcache.testing.contract;

import dev.restcache.ResponseCache;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;

/** Evicts a tag through the handle injected with {@code @Context}. */
@Path("/contract/handles/context/{tag}")
public class ContextHandleResource {
  @Context private ResponseCache cache;

  /** Evicts every entry tagged {@code tag}. */
  @POST
  public void invalidate(@PathParam("tag") String tag) {
    cache.invalidateTags(tag);
  }
}
