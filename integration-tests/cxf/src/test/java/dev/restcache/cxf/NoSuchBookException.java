package dev.restcache.cxf;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A book that does not exist; its mapper answers a 404 that says it stays missing a minute. */
public class NoSuchBookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** No book {@code id}. */
  public NoSuchBookException(String id) {
    super("no book " + id);
  }

  /** Answers 404 with {@code Cache-Control: max-age=60}. */
  @Provider
  public static class Mapper implements ExceptionMapper<NoSuchBookException> {
    @Override
    public Response toResponse(NoSuchBookException missing) {
      return Response.status(Response.Status.NOT_FOUND)
          .header("Cache-Control", "max-age=60")
          .entity(missing.getMessage())
          .type("text/plain")
          .build();
    }
  }
}
