package dev.restcache.testing.contract;

import java.net.URI;

/** The contract application as one runtime runs it: where it listens, and how it stops. */
public interface ContractServer extends AutoCloseable {
  /** Where the application's root is, on 127.0.0.1, such as {@code http://127.0.0.1:20123/}. */
  URI baseUri();

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
