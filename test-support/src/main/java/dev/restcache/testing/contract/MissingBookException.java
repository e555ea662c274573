package dev.restcache.testing.contract;

/** A book that does not exist, which {@link MissingBookMapper} answers. */
public class MissingBookException extends RuntimeException {
  /** For the book {@code id}. */
  public MissingBookException(String id) {
    super("no book " + id);
  }
}
