package dev.restcache.grizzly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The front keys a request as the application's lookup does: the same sequence of requests, with
 * {@code Host} spellings and queries, gets the same bodies with the front as without it.
 */
class FrontKeyTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void everyHostSpellingGetsTheBodyTheApplicationGivesIt() throws Exception {
    List<String> withFront = bodies(true);
    List<String> withoutFront = bodies(false);
    assertThat(withFront).isEqualTo(withoutFront);
  }

  private List<String> bodies(boolean front) throws IOException, InterruptedException {
    FrontApp.Resource resource = new FrontApp.Resource();
    FrontApp.CountingFilter filter = new FrontApp.CountingFilter();
    try (FrontServer server =
        FrontServer.start(ResponseCacheFeature.builder().front(front).build(), resource, filter)) {
      int port = server.port();
      List<String> bodies = new ArrayList<>();
      int misses = 0;
      String[] hosts = {"localhost:" + port, "LOCALHOST:" + port, "127.0.0.1:" + port};
      String[] targets = {"/reflect", "/reflect?a=1&b=%41", "/reflect?b=%41&a=1", "/reflect?c=%7e"};
      for (String host : hosts) {
        for (String target : targets) {
          for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = get(port, host, target);
            String cacheStatus = cacheStatus(response);
            misses += cacheStatus.equals("hit") ? 0 : 1;
            // The two servers listen on different ports.
            bodies.add(
                (host
                        + target
                        + " -> "
                        + response.statusCode()
                        + " "
                        + response.body()
                        + " "
                        + cacheStatus)
                    .replace(":" + port, ":PORT"));
          }
        }
      }
      // With the front, every hit was the front's: the application's filter ran for misses only.
      assertThat(filter.runs).as(bodies.toString()).hasValue(front ? misses : bodies.size());
      return bodies;
    }
  }

  private HttpResponse<String> get(int port, String host, String target)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
            .header("Host", host)
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  // Whether each response was a hit must match; the ttl may differ by a second between runs.
  private static String cacheStatus(HttpResponse<String> response) {
    String value = response.headers().firstValue("Cache-Status").orElse("none");
    return value.startsWith("restcache; hit") ? "hit" : value;
  }
}
