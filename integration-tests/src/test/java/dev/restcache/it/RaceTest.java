package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class RaceTest {
  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** A value whose reads can be held between reading and answering. */
  @Path("/value")
  public static class Resource {
    final AtomicReference<String> value = new AtomicReference<>("old");
    volatile CountDownLatch readDone = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(0);

    @GET
    @Cached
    public String get() throws InterruptedException {
      String read = value.get();
      readDone.countDown();
      release.await(10, TimeUnit.SECONDS);
      return read;
    }

    @PUT
    public String put(@QueryParam("v") String newValue) {
      value.set(newValue);
      return newValue;
    }
  }

  @BeforeEach
  void start() {
    server.start(Apps.of(ResponseCacheFeature.withDefaults(), resource));
  }

  @RepeatedTest(5)
  void slowGetRacingAPutNeverLeavesTheOldBodyInTheCache() throws Exception {
    resource.readDone = new CountDownLatch(1);
    resource.release = new CountDownLatch(1);
    CompletableFuture<String> slowGet =
        CompletableFuture.supplyAsync(() -> server.request().get("/value").asString());
    assertThat(resource.readDone.await(10, TimeUnit.SECONDS)).isTrue();

    server.request().put("/value?v=new").then().statusCode(200);
    resource.release.countDown();
    assertThat(slowGet.get(10, TimeUnit.SECONDS)).isEqualTo("old");

    assertThat(server.request().get("/value").asString()).isEqualTo("new");
    assertThat(server.request().get("/value").asString()).isEqualTo("new");
    server.request().put("/value?v=old").then().statusCode(200);
  }
}
