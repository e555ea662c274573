package dev.restcache.testing.contract;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a missing book with a friendly page that says it is fresh for a minute: an error that the
 * resource did not make itself, which the cache must never store for everyone.
 */
@Provider
public class MissingBookMapper implements ExceptionMapper<MissingBookException> {
  @Override
  public Response toResponse(MissingBookException missing) {
    return Response.status(404)
        .header("Cache-Control", "max-age=60")
        .type(MediaType.TEXT_PLAIN)
        .entity(missing.getMessage())
        .build();
  }
}
