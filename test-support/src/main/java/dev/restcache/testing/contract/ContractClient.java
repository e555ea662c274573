package dev.restcache.testing.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP/1.1 requests to the contract application, as any client would send them. */
final class ContractClient {
  /** Bounds every request, so that a request the server holds fails its test, never hangs it. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  ContractClient(URI base) {
    this.base = base;
  }

  /** One request. */
  static final class Call {
    private final String method;
    private final String path;
    private final HttpRequest.Builder builder;
    private String body;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Call(String method, String path, URI base) {
      this.method = method;
      this.path = path;
      // Below the application's root, which an application server puts under a context path.
      this.builder = HttpRequest.newBuilder(base.resolve(path.substring(1)));
    }

    /** With a header line; {@code value} may be empty. */
    Call header(String name, String value) {
      builder.header(name, value);
      return this;
    }

    /** With a text body. */
    Call body(String text) {
      builder.header("Content-Type", "text/plain");
      this.body = text;
      return this;
    }

    /** Failing unless the whole response arrives within {@code bound}. */
    Call within(Duration bound) {
      this.timeout = bound;
      return this;
    }

    private HttpRequest build() {
      return builder
          .timeout(timeout)
          .method(
              method,
              body == null
                  ? HttpRequest.BodyPublishers.noBody()
                  : HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** A response: status, headers, body. */
  record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    /** The field's lines joined with ", " as RFC 9110 §5.3 allows; null when absent. */
    String header(String name) {
      List<String> lines = headers.allValues(name);
      return lines.isEmpty() ? null : String.join(", ", lines);
    }
  }

  Call call(String method, String path) {
    return new Call(method, path, base);
  }

  Call get(String path) {
    return call("GET", path);
  }

  Answer send(Call call) {
    try {
      return answer(http.send(call.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new AssertionError(call + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(call + " interrupted", e);
    }
  }

  /** Sends {@code call} without waiting for its answer. */
  CompletableFuture<Answer> sendAsync(Call call) {
    return http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(ContractClient::answer);
  }

  /** A GET to {@code path} with no header of its own. */
  Answer fetch(String path) {
    return send(get(path));
  }

  /** How many times {@code name} ran in the application. */
  int counter(String name) {
    Answer count = fetch("/contract/counters/" + name);
    if (count.status() != 200) {
      throw new AssertionError("counter " + name + " answered " + count.status());
    }
    return Integer.parseInt(count.body().trim());
  }

  private static Answer answer(HttpResponse<String> response) {
    return new Answer(response.statusCode(), response.headers(), response.body());
  }
}
