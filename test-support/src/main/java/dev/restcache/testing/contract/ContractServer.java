package dev.restcache.testing.contract;

import java.net.URI;
import java.util.List;

/** The contract application as one runtime runs it: where it listens, and how it stops. */
public interface ContractServer extends AutoCloseable {
  /**
   * Where the application's root is, on 127.0.0.1, ending in {@code /}: such as {@code
   * http://127.0.0.1:20123/}, or {@code http://127.0.0.1:20123/bookstore/} for an application
   * deployed under a context path.
   */
  URI baseUri();

  /**
   * restcache's warnings from the application's start that the suite's own capture of this JVM's
   * log cannot see: those of an application its test framework started before {@link
   * RuntimeContract#start} was called (Quarkus), or of one running in another process. None by
   * default.
   */
  default List<String> startupWarnings() {
    return List.of();
  }

  /** Stops the application. */
  @Override
  void close();

  /** A server at {@code baseUri} that {@code stop} stops. */
  static ContractServer of(URI baseUri, Runnable stop) {
    return new ContractServer() {
      @Override
      public URI baseUri() {
        return baseUri;
      }

      @Override
      public void close() {
        stop.run();
      }
    };
  }
}
