package dev.restcache.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.ResponseCacheFeature;
import dev.restcache.demo.BookRepository;
import dev.restcache.demo.BookstoreDemo;
import dev.restcache.it.support.RunningServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo application the README runs: what its transcript shows must stay true. */
class BookstoreDemoTest {
  @RegisterExtension final RunningServer server = new RunningServer();

  @BeforeEach
  void start() {
    server.start(
        BookstoreDemo.application(
            ResponseCacheFeature.withDefaults(), BookRepository.withSampleBooks(Duration.ZERO)));
  }

  @Test
  void secondRequestForABookIsAHit() {
    server
        .request()
        .get("/books/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", "restcache; fwd=uri-miss; stored")
        .header("Cache-Control", "must-revalidate, max-age=30");
    server
        .request()
        .get("/books/1")
        .then()
        .statusCode(200)
        .header("Cache-Status", startsWith("restcache; hit; ttl="))
        .body("title", equalTo("The Left Hand of Darkness"));
  }

  @Test
  void updatingABookEvictsItAndTheList() {
    server.request().get("/books/1");
    server.request().get("/books");
    server
        .request()
        .contentType("application/json")
        .body("{\"title\":\"Changed\",\"author\":\"A\",\"year\":2000}")
        .put("/books/1")
        .then()
        .statusCode(200);
    server
        .request()
        .get("/books/1")
        .then()
        .body("title", equalTo("Changed"))
        .header("Cache-Status", "restcache; fwd=uri-miss; stored");
    server.request().get("/books").then().body("[0].title", equalTo("Changed"));
  }

  @Test
  void creatingABookEvictsTheList() {
    server.request().get("/books").then().body("size()", equalTo(4));
    server
        .request()
        .contentType("application/json")
        .body("{\"title\":\"New\",\"author\":\"B\",\"year\":2001}")
        .post("/books")
        .then()
        .statusCode(201);
    server.request().get("/books").then().body("size()", equalTo(5));
  }

  @Test
  void statsAreNeverCached() {
    server
        .request()
        .get("/books/cache-stats")
        .then()
        .header("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private");
  }
}
