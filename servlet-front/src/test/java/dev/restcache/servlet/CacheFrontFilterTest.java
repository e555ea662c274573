package dev.restcache.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front on a servlet container (Undertow, RESTEasy's servlet behind the filter), over HTTP:
 * what it answers, what it leaves to the application, and that both read and evict the same
 * entries. Each test uses paths of its own.
 */
class CacheFrontFilterTest {
  private static final String HIT = "restcache; hit";

  private static FrontServer server;

  @BeforeAll
  static void start() {
    server = FrontServer.start(ResponseCacheFeature.builder().front(true).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void publicEntryIsServedByTheFrontWithoutTheApplicationsFilters() throws Exception {
    HttpResponse<String> first = Http.get(server.base.resolve("public/a"));
    HttpResponse<String> second = Http.get(server.base.resolve("public/a"));
    HttpResponse<String> head = Http.send("HEAD", server.base.resolve("public/a"), null);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("public a v1");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("public a v1");
    assertThat(Http.cacheStatus(second)).startsWith(HIT);
    assertThat(second.headers().firstValue("Age")).isPresent();
    assertThat(second.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(Http.cacheStatus(head)).startsWith(HIT);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("11");
    assertThat(server.counts.get("resource /public/a")).isEqualTo(1);
    assertThat(server.counts.get("filter /public/a")).isEqualTo(1);
  }

  @Test
  void unsharedEntryIsNeverServedByTheFront() throws Exception {
    Http.get(server.base.resolve("unshared/a"));
    HttpResponse<String> second = Http.get(server.base.resolve("unshared/a"));
    HttpResponse<String> third = Http.get(server.base.resolve("unshared/a"));

    assertThat(second.body()).isEqualTo("unshared a");
    assertThat(Http.cacheStatus(second)).startsWith(HIT);
    assertThat(Http.cacheStatus(third)).startsWith(HIT);
    assertThat(server.counts.get("resource /unshared/a")).isEqualTo(1);
    // The application's lookup answered the hits, after its filters.
    assertThat(server.counts.get("filter /unshared/a")).isEqualTo(3);
  }

  @Test
  void variantIsServedByTheFrontOnlyToARequestThatMatchesIt() throws Exception {
    String plain = "negotiated/a";
    HttpResponse<String> text = Http.get(server.base.resolve(plain), "Accept", "text/plain");
    HttpResponse<String> textAgain = Http.get(server.base.resolve(plain), "Accept", "text/plain");
    HttpResponse<String> json = Http.get(server.base.resolve(plain), "Accept", "application/json");
    HttpResponse<String> jsonAgain =
        Http.get(server.base.resolve(plain), "Accept", "application/json");

    assertThat(text.headers().allValues("Vary"))
        .anySatisfy(v -> assertThat(v).containsIgnoringCase("accept"));
    assertThat(textAgain.body()).isEqualTo("id a");
    assertThat(Http.cacheStatus(textAgain)).startsWith(HIT);
    assertThat(json.body()).isEqualTo("{\"id\":\"a\"}");
    assertThat(Http.cacheStatus(json)).doesNotStartWith(HIT);
    assertThat(jsonAgain.body()).isEqualTo("{\"id\":\"a\"}");
    assertThat(jsonAgain.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(Http.cacheStatus(jsonAgain)).startsWith(HIT);
    assertThat(server.counts.get("resource /negotiated/a")).isEqualTo(2);
    // One filter run per representation: the one that filled it.
    assertThat(server.counts.get("filter /negotiated/a")).isEqualTo(2);
  }

  @Test
  void writeThroughTheApplicationEvictsWhatTheFrontServes() throws Exception {
    Http.get(server.base.resolve("public/w"));
    HttpResponse<String> served = Http.get(server.base.resolve("public/w"));
    HttpResponse<String> put =
        Http.send("PUT", server.base.resolve("public/w"), "v2", "Content-Type", "text/plain");
    HttpResponse<String> after = Http.get(server.base.resolve("public/w"));

    assertThat(Http.cacheStatus(served)).startsWith(HIT);
    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(after.body()).isEqualTo("public w v2");
    assertThat(Http.cacheStatus(after)).doesNotStartWith(HIT);
    assertThat(server.counts.get("resource /public/w")).isEqualTo(2);
  }

  @Test
  void requestsWithCredentialsOrOriginGoThroughTheApplication() throws Exception {
    Http.get(server.base.resolve("public/c"));
    HttpResponse<String> authorized =
        Http.get(server.base.resolve("public/c"), "Authorization", "Bearer someone");
    HttpResponse<String> withCookie =
        Http.get(server.base.resolve("public/c"), "Cookie", "session=someone");
    HttpResponse<String> crossOrigin =
        Http.get(server.base.resolve("public/c"), "Origin", "https://elsewhere.example");

    assertThat(authorized.statusCode()).isEqualTo(200);
    assertThat(withCookie.statusCode()).isEqualTo(200);
    assertThat(crossOrigin.statusCode()).isEqualTo(200);
    // The application's lookup may answer them from the public entry, but only after its filters.
    assertThat(Http.cacheStatus(crossOrigin)).startsWith(HIT);
    assertThat(server.counts.get("filter /public/c")).isEqualTo(4);
  }

  @Test
  void frontKeyIsTheApplicationsForEveryHostAndQuery() throws Exception {
    String[] hosts = {
      "localhost:" + server.port, "LOCALHOST:" + server.port, "127.0.0.1:" + server.port
    };
    String[] targets = {"reflect", "reflect?q=1", "reflect?q=%41&r"};
    for (String target : targets) {
      for (String host : hosts) {
        HttpResponse<String> fill = Http.get(server.base.resolve(target), "Host", host);
        int filtered = server.counts.get("filter /reflect");
        HttpResponse<String> front = Http.get(server.base.resolve(target), "Host", host);
        boolean frontAnswered = server.counts.get("filter /reflect") == filtered;
        // Origin keeps the front out: the application's own lookup answers with its key.
        HttpResponse<String> application =
            Http.get(server.base.resolve(target), "Host", host, "Origin", "https://o.example");

        assertThat(fill.body()).isEqualToIgnoringCase("http://" + host + "/" + target);
        assertThat(Http.cacheStatus(front)).startsWith(HIT);
        assertThat(frontAnswered).isTrue();
        assertThat(front.body()).isEqualTo(application.body());
      }
    }
  }

  @Test
  void conditionalRequestGetsANotModifiedFromTheFront() throws Exception {
    HttpResponse<String> first = Http.get(server.base.resolve("public/e"));
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> revalidated =
        Http.get(server.base.resolve("public/e"), "If-None-Match", etag);

    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();
    assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
    assertThat(Http.cacheStatus(revalidated)).startsWith(HIT);
    assertThat(server.counts.get("filter /public/e")).isEqualTo(1);
  }
}
