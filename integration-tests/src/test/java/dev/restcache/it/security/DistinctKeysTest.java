package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.TestServer;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Family 8, distinct inputs never share an entry: two requests an application can tell apart (a
 * varied header's value, forwarding headers, the order of same-named query parameters, the request
 * target) never read each other's entry. Vary values are normalised only by the whitespace around
 * list members, key components are length-prefixed so that one can not imitate another, and targets
 * with userinfo or a fragment bypass the cache.
 */
class DistinctKeysTest {
  private static final String HIT = "restcache; hit";

  private final Resource resource = new Resource();
  private TestServer server;

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("team")
    @Cached(vary = "X-Team")
    public String team(
        @HeaderParam("X-Team") String team, @HeaderParam("X-Forwarded-Host") String forwardedHost) {
      return "team ["
          + team
          + "]"
          + (forwardedHost == null ? "" : " at " + forwardedHost)
          + " #"
          + calls.incrementAndGet();
    }

    @GET
    @Path("page")
    @Cached
    public String page(@Context UriInfo uri, @Context HttpHeaders headers) {
      calls.incrementAndGet();
      String host = headers.getHeaderString("X-Forwarded-Host");
      String proto = headers.getHeaderString("X-Forwarded-Proto");
      return "link "
          + (proto != null ? proto : uri.getBaseUri().getScheme())
          + "://"
          + (host != null ? host : uri.getBaseUri().getAuthority())
          + "/page";
    }

    @GET
    @Path("list")
    @Cached
    public String list(@QueryParam("a") List<String> a) {
      return "a=" + a + " #" + calls.incrementAndGet();
    }

    @GET
    @Path("x")
    @Cached
    public String x(@Context UriInfo uri) {
      return "uri "
          + uri.getRequestUri()
          + " base "
          + uri.getBaseUri()
          + " #"
          + calls.incrementAndGet();
    }
  }

  @BeforeEach
  void start() {
    server = TestServer.start(Apps.of(ResponseCacheFeature.withDefaults(), resource), null);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Response team(String value) {
    return server.request().header("X-Team", value).get("/team");
  }

  // --- Vary values ---

  @Test
  void aTrailingCommaIsAnotherVariant() {
    assertThat(team("acme,").asString()).isEqualTo("team [acme,] #1");
    Response acme = team("acme");
    assertThat(acme.asString()).isEqualTo("team [acme] #2");
    assertThat(acme.header("Cache-Status")).doesNotStartWith(HIT);
    assertThat(team("acme,").asString()).isEqualTo("team [acme,] #1");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aRunOfSpacesInsideAValueIsAnotherVariant() {
    assertThat(team("a  b").asString()).isEqualTo("team [a  b] #1");
    assertThat(team("a b").asString()).isEqualTo("team [a b] #2");
    assertThat(team("a  b").asString()).isEqualTo("team [a  b] #1");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void whitespaceAroundListMembersSharesAnEntry() {
    assertThat(team("acme , b").asString()).isEqualTo("team [acme , b] #1");
    Response compact = team("acme,b");
    assertThat(compact.asString()).isEqualTo("team [acme , b] #1");
    assertThat(compact.header("Cache-Status")).startsWith(HIT);
    assertThat(resource.calls).hasValue(1);
  }

  // Invented: a tab is whitespace inside a member, not around it.
  @Test
  void aTabInsideAValueIsAnotherVariantThanASpace() {
    assertThat(team("a\tb").asString()).isEqualTo("team [a\tb] #1");
    assertThat(team("a b").asString()).isEqualTo("team [a b] #2");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: an empty header is not an absent one; the application sees "" and null.
  @Test
  void anEmptyValueIsAnotherVariantThanNoHeader() {
    assertThat(team("").asString()).isEqualTo("team [] #1");
    assertThat(server.request().get("/team").asString()).isEqualTo("team [null] #2");
    assertThat(team("").asString()).isEqualTo("team [] #1");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: values that differ in case are different values.
  @Test
  void valuesThatDifferInCaseAreDifferentVariants() {
    assertThat(team("Acme").asString()).isEqualTo("team [Acme] #1");
    assertThat(team("acme").asString()).isEqualTo("team [acme] #2");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: JAX-RS gives a String @HeaderParam the first field line only, so two lines
  // "acme" and "b" are read as "acme" while one line "acme,b" is read as "acme,b".
  @Test
  void twoFieldLinesAreNotServedTheAnswerToTheirCommaJoinedValue() {
    assertThat(team("acme,b").asString()).isEqualTo("team [acme,b] #1");
    Response twoLines =
        server
            .request()
            .headers(new Headers(new Header("X-Team", "acme"), new Header("X-Team", "b")))
            .get("/team");
    assertThat(twoLines.asString()).startsWith("team [acme] ");
  }

  // --- Forwarding headers and key components ---

  @Test
  void aForwardedHostCanNotImitateTheForwardedProtoComponent() {
    Response forged =
        server
            .request()
            .header("X-Forwarded-Host", "shop.example x-forwarded-proto=https")
            .get("/page");
    assertThat(forged.asString())
        .isEqualTo("link http://shop.example x-forwarded-proto=https/page");
    Response proxied =
        server
            .request()
            .header("X-Forwarded-Host", "shop.example")
            .header("X-Forwarded-Proto", "https")
            .get("/page");
    assertThat(proxied.asString()).isEqualTo("link https://shop.example/page");
    assertThat(proxied.header("Cache-Status")).doesNotStartWith(HIT);
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: the other way round, the real headers first, the forged one second.
  @Test
  void aForgedForwardedHostIsNotServedTheProxiedPage() {
    server
        .request()
        .header("X-Forwarded-Host", "shop.example")
        .header("X-Forwarded-Proto", "https")
        .get("/page")
        .then()
        .statusCode(200);
    Response forged =
        server
            .request()
            .header("X-Forwarded-Host", "shop.example x-forwarded-proto=https")
            .get("/page");
    assertThat(forged.asString())
        .isEqualTo("link http://shop.example x-forwarded-proto=https/page");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: a Forwarded value that imitates the X-Forwarded-Host component after it.
  @Test
  void aForwardedValueCanNotImitateAnotherForwardingHeader() {
    Response forged =
        server
            .request()
            .header("Forwarded", "for=192.0.2.1 x-forwarded-host=evil.example")
            .get("/page");
    assertThat(forged.asString()).matches("link http://127\\.0\\.0\\.1:\\d+/page");
    Response proxied =
        server
            .request()
            .header("Forwarded", "for=192.0.2.1")
            .header("X-Forwarded-Host", "evil.example")
            .get("/page");
    assertThat(proxied.asString()).isEqualTo("link http://evil.example/page");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: a forwarding header that spells out the variant part of a key, so that the
  // request's primary key equals another request's variant key.
  @Test
  void aForwardingHeaderCanNotImitateTheVariantPartOfAKey() {
    assertThat(
            server
                .request()
                .header("X-Forwarded-Host", "shop.example")
                .header("X-Team", "acme")
                .get("/team")
                .asString())
        .isEqualTo("team [acme] at shop.example #1");
    Response forged =
        server.request().header("X-Forwarded-Host", "shop.example #6:x-team=4:acme").get("/team");
    assertThat(forged.asString()).isEqualTo("team [null] at shop.example #6:x-team=4:acme #2");
    assertThat(resource.calls).hasValue(2);
  }

  // --- Query ---

  @Test
  void parametersOfOneDecodedNameKeepTheirOrder() {
    assertThat(server.request().get("/list?a=1&%61=2").asString()).isEqualTo("a=[1, 2] #1");
    Response reversed = server.request().get("/list?%61=2&a=1");
    assertThat(reversed.asString()).isEqualTo("a=[2, 1] #2");
    assertThat(reversed.header("Cache-Status")).doesNotStartWith(HIT);
    assertThat(server.request().get("/list?a=1&%61=2").asString()).isEqualTo("a=[1, 2] #1");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: another parameter between them, so that a sort by raw names moves them apart.
  @Test
  void anEncodedNameSortsWithItsDecodedName() {
    assertThat(server.request().get("/list?b=0&%61=2&a=1").asString()).isEqualTo("a=[2, 1] #1");
    assertThat(server.request().get("/list?a=1&b=0&%61=2").asString()).isEqualTo("a=[1, 2] #2");
    // Same parameters in the same per-name order: one entry.
    Response same = server.request().get("/list?%61=2&a=1&b=0");
    assertThat(same.asString()).isEqualTo("a=[2, 1] #1");
    assertThat(same.header("Cache-Status")).startsWith(HIT);
  }

  // --- Request target ---

  // Grizzly takes the host of an absolute-form target in place of the Host header, userinfo
  // and all, so Jersey's base URI (and every link built from it) carries the userinfo.
  @Test
  void anAbsoluteFormTargetWithUserinfoBypassesTheCache() throws IOException {
    int port = server.port();
    String plain = server.request().get("/x").asString();
    assertThat(plain)
        .isEqualTo("uri http://127.0.0.1:" + port + "/x base http://127.0.0.1:" + port + "/ #1");
    RawResponse withUserinfo =
        raw("GET http://evil@127.0.0.1:" + port + "/x HTTP/1.1", "Host: 127.0.0.1:" + port);
    assertThat(withUserinfo.status).as(withUserinfo.toString()).isEqualTo(200);
    assertThat(withUserinfo.header("cache-status")).doesNotStartWith(HIT);
    assertThat(withUserinfo.body).contains("evil@").endsWith("#2");
    assertThat(server.request().get("/x").asString()).isEqualTo(plain);
  }

  // Invented: the userinfo target first, so that a stored answer to it would reach everyone.
  @Test
  void anAbsoluteFormTargetWithUserinfoFirstIsNotStoredForOthers() throws IOException {
    int port = server.port();
    RawResponse withUserinfo =
        raw("GET http://evil@127.0.0.1:" + port + "/x HTTP/1.1", "Host: 127.0.0.1:" + port);
    assertThat(withUserinfo.body).as(withUserinfo.toString()).contains("evil@");
    Response plain = server.request().get("/x");
    assertThat(plain.asString()).doesNotContain("evil");
    assertThat(plain.header("Cache-Status")).doesNotStartWith(HIT);
    RawResponse again =
        raw("GET http://evil@127.0.0.1:" + port + "/x HTTP/1.1", "Host: 127.0.0.1:" + port);
    assertThat(again.header("cache-status")).doesNotStartWith(HIT);
    assertThat(resource.calls).hasValue(3);
  }

  // With a password, Grizzly fails to parse the port of "u:p@127.0.0.1:port" and answers 500
  // before Jersey runs; that answer must not reach anyone else either.
  @Test
  void anAbsoluteFormTargetWithAPasswordNeverReachesOthers() throws IOException {
    int port = server.port();
    RawResponse withPassword =
        raw("GET http://u:p@127.0.0.1:" + port + "/x HTTP/1.1", "Host: 127.0.0.1:" + port);
    assertThat(withPassword.header("cache-status")).doesNotStartWith(HIT);
    Response plain = server.request().get("/x");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.asString()).doesNotContain("u:p").endsWith("#" + resource.calls.get());
  }

  @Test
  void aHostHeaderWithUserinfoBypassesTheCache() {
    int port = server.port();
    String plain = server.request().get("/x").asString();
    assertThat(plain)
        .isEqualTo("uri http://127.0.0.1:" + port + "/x base http://127.0.0.1:" + port + "/ #1");
    Response phishing = server.request().header("Host", "u@127.0.0.1:" + port).get("/x");
    assertThat(phishing.statusCode()).isLessThan(500);
    assertThat(phishing.header("Cache-Status")).doesNotStartWith(HIT);
    assertThat(server.request().get("/x").asString()).isEqualTo(plain);
    Response phishingAgain = server.request().header("Host", "evil@127.0.0.1:" + port).get("/x");
    assertThat(phishingAgain.header("Cache-Status")).doesNotStartWith(HIT);
    assertThat(phishingAgain.asString()).isNotEqualTo(plain);
    assertThat(server.request().get("/x").asString()).isEqualTo(plain).doesNotContain("@");
  }

  // Invented: userinfo first, so that a stored answer to it would be what everyone gets.
  @Test
  void aHostHeaderWithUserinfoFirstIsNotStoredForOthers() {
    int port = server.port();
    server.request().header("Host", "evil@127.0.0.1:" + port).get("/x");
    Response plain = server.request().get("/x");
    assertThat(plain.asString()).doesNotContain("evil");
    assertThat(plain.header("Cache-Status")).doesNotStartWith(HIT);
  }

  @Test
  void aTargetWithAFragmentBypassesTheCache() throws IOException {
    int port = server.port();
    RawResponse fragment = raw("GET /x#frag HTTP/1.1", "Host: 127.0.0.1:" + port);
    assertThat(fragment.status).isLessThan(500);
    assertThat(fragment.header("cache-status")).doesNotStartWith(HIT);
    int callsAfterFragment = resource.calls.get();
    Response plain = server.request().get("/x");
    assertThat(plain.asString()).doesNotContain("frag");
    assertThat(plain.header("Cache-Status")).doesNotStartWith(HIT);
    assertThat(resource.calls).hasValue(callsAfterFragment + 1);
    RawResponse fragmentAgain = raw("GET /x#frag HTTP/1.1", "Host: 127.0.0.1:" + port);
    assertThat(fragmentAgain.header("cache-status")).doesNotStartWith(HIT);
  }

  // Invented: an absolute-form target with a fragment.
  @Test
  void anAbsoluteFormTargetWithAFragmentBypassesTheCache() throws IOException {
    int port = server.port();
    RawResponse fragment =
        raw("GET http://127.0.0.1:" + port + "/x#top HTTP/1.1", "Host: 127.0.0.1:" + port);
    assertThat(fragment.status).isLessThan(500);
    assertThat(fragment.header("cache-status")).doesNotStartWith(HIT);
    Response plain = server.request().get("/x");
    assertThat(plain.asString()).doesNotContain("top");
    assertThat(plain.header("Cache-Status")).doesNotStartWith(HIT);
  }

  // --- Raw HTTP, for request targets no HTTP client sends ---

  private static final class RawResponse {
    int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    String body;

    String header(String lowerCaseName) {
      return String.valueOf(headers.get(lowerCaseName));
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  private RawResponse raw(String requestLine, String... headers) throws IOException {
    StringBuilder request = new StringBuilder(requestLine).append("\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket =
        new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      RawResponse response = new RawResponse();
      String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
      response.status = Integer.parseInt(lines[0].split(" ")[1]);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          response.headers.put(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
      }
      response.body = end < 0 ? "" : text.substring(end + 4);
      return response;
    }
  }
}
