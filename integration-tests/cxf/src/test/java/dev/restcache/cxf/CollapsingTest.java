package dev.restcache.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent cold requests for one URL run the resource once on CXF. */
class CollapsingTest {
  private static final int CLIENTS = 20;

  @RegisterExtension final Bookstore bookstore = new Bookstore();
  private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void twentyColdRequestsRunTheResourceOnce() throws Exception {
    bookstore.start(ResponseCacheFeature.withDefaults());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Response>> responses = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      responses.add(
          clients.submit(
              () -> {
                go.await();
                return bookstore.request().get("/books/slow");
              }));
    }

    go.countDown();

    for (Future<Response> response : responses) {
      Response answered = response.get(30, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.asString()).isEqualTo("slow");
    }
    assertThat(Calls.count("slow")).isEqualTo(1);
  }
}
