package dev.restcache.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import dev.restcache.memory.InMemoryCacheStore;
import dev.restcache.spi.CacheEntry;
import dev.restcache.spi.CacheStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write whose eviction outlives the eviction timeout is answered, and from then on this instance
 * neither serves nor stores what the write evicts until the store confirms the eviction, although
 * the store still holds the old entry.
 */
class EvictionTimeoutTest {
  @RegisterExtension final RunningServer server = new RunningServer();
  private final Resource resource = new Resource();
  private final HeldEvictions store = new HeldEvictions();

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("a")
    @Cached(tags = "t")
    public String a() {
      return "a " + calls.incrementAndGet();
    }

    @PUT
    @Path("a")
    public String put() {
      return "put";
    }

    @POST
    @Path("touch")
    @Invalidates(tags = "t")
    public String touch() {
      return "touched";
    }
  }

  /** An in-memory store whose evictions complete only when the test lets them. */
  static final class HeldEvictions implements CacheStore {
    private final CacheStore memory = new InMemoryCacheStore();
    private volatile CompletableFuture<Void> released = CompletableFuture.completedFuture(null);

    void hold() {
      released = new CompletableFuture<>();
    }

    void release() {
      released.complete(null);
    }

    @Override
    public CompletionStage<Optional<CacheEntry>> get(String key) {
      return memory.get(key);
    }

    @Override
    public CompletionStage<Long> generation(String path) {
      return memory.generation(path);
    }

    @Override
    public CompletionStage<Boolean> put(String key, CacheEntry entry, long generation) {
      return memory.put(key, entry, generation);
    }

    @Override
    public CompletionStage<Void> invalidatePath(String path) {
      return released.thenCompose(go -> memory.invalidatePath(path));
    }

    @Override
    public CompletionStage<Void> invalidateTags(Set<String> tags) {
      return released.thenCompose(go -> memory.invalidateTags(tags));
    }

    @Override
    public CompletionStage<Void> clear() {
      return released.thenCompose(go -> memory.clear());
    }
  }

  private void start() {
    server.start(
        Apps.of(
            ResponseCacheFeature.builder()
                .store(store)
                .evictionTimeout(Duration.ofMillis(200))
                .build(),
            resource));
  }

  @Test
  void aPathWhoseEvictionIsNotConfirmedIsNeitherServedNorStoredUntilItIs() {
    start();
    server.request().get("/a").then().body(equalTo("a 1"));
    server
        .request()
        .get("/a")
        .then()
        .body(equalTo("a 1"))
        .header("Cache-Status", startsWith("restcache; hit"));

    store.hold();
    server.request().body("x").put("/a").then().statusCode(200);

    // The store still holds "a 1": this instance goes to the resource, and keeps nothing.
    server.request().get("/a").then().body(equalTo("a 2"));
    server.request().get("/a").then().body(equalTo("a 3"));

    store.release();
    server.request().get("/a").then().body(equalTo("a 4"));
    server
        .request()
        .get("/a")
        .then()
        .body(equalTo("a 4"))
        .header("Cache-Status", startsWith("restcache; hit"));
  }

  @Test
  void aTagWhoseEvictionIsNotConfirmedIsNotServedUntilItIs() {
    start();
    server.request().get("/a").then().body(equalTo("a 1"));

    store.hold();
    server.request().post("/touch").then().statusCode(200);

    server.request().get("/a").then().body(equalTo("a 2"));
    server.request().get("/a").then().body(equalTo("a 3"));

    store.release();
    server.request().get("/a").then().body(equalTo("a 4"));
    server
        .request()
        .get("/a")
        .then()
        .body(equalTo("a 4"))
        .header("Cache-Status", startsWith("restcache; hit"));
  }
}
