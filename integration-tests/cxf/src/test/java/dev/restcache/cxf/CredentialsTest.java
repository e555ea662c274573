package dev.restcache.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests that identify their user share only what the response marks shareable, on CXF as on
 * every runtime: {@code Authorization}, and any cookie not declared anonymous.
 */
class CredentialsTest {
  @RegisterExtension final Bookstore bookstore = new Bookstore();

  @Test
  void anAuthorizedRequestIsNeitherAnsweredFromNorStoredInAnAnonymousEntry() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    bookstore.request().get("/books/1");

    Response authorized =
        bookstore.request().header("Authorization", "Bearer alice").get("/books/1");
    Response anonymous = bookstore.request().get("/books/1");

    assertThat(authorized.header("Cache-Status")).doesNotContain("hit");
    assertThat(anonymous.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(Calls.count("get 1")).isEqualTo(2);
  }

  @Test
  void anAuthorizedRequestIsAnsweredFromAPublicEntry() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    bookstore.request().get("/books/1/shared");

    Response authorized =
        bookstore.request().header("Authorization", "Bearer alice").get("/books/1/shared");

    assertThat(authorized.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(Calls.count("shared 1")).isEqualTo(1);
  }

  @Test
  void aSessionCookieIsACredential() {
    bookstore.start(ResponseCacheFeature.withDefaults());
    bookstore.request().get("/books/1");

    Response withSession = bookstore.request().cookie("session", "alice").get("/books/1");

    assertThat(withSession.header("Cache-Status")).doesNotContain("hit");
    assertThat(Calls.count("get 1")).isEqualTo(2);
  }

  @Test
  void anAnonymousCookieIsNot() {
    bookstore.start(ResponseCacheFeature.builder().anonymousCookies("consent").build());
    bookstore.request().get("/books/1");

    Response withConsent = bookstore.request().cookie("consent", "yes").get("/books/1");

    assertThat(withConsent.header("Cache-Status")).startsWith("restcache; hit");
    assertThat(Calls.count("get 1")).isEqualTo(1);
  }
}
