package dev.restcache.testing.contract;

import dev.restcache.ResponseCache;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Evicts a tag through the handle the application took from {@code feature.cache()} and passed to
 * the resource it built.
 */
@Path("/contract/handles/feature/{tag}")
public class FeatureHandleResource {
  private final ResponseCache cache;

  /** The resource over {@code cache}, the feature's handle. */
  public FeatureHandleResource(ResponseCache cache) {
    this.cache = cache;
  }

  /** Evicts every entry tagged {@code tag}. */
  @POST
  public void invalidate(@PathParam("tag") String tag) {
    cache.invalidateTags(tag);
  }
}
