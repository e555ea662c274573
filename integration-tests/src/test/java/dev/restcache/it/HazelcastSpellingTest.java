package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import com.hazelcast.core.HazelcastInstance;
import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.HazelcastCluster;
import dev.restcache.it.support.TestServer;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, family 10 across a cluster: the spellings a typed path parameter makes equal are one
 * resource on every member sharing a Hazelcast map.
 */
class HazelcastSpellingTest {
  @RegisterExtension final HazelcastCluster cluster = new HazelcastCluster();
  private final Items items = new Items();
  private final List<TestServer> servers = new ArrayList<>();
  private final List<HazelcastCacheStore> stores = new ArrayList<>();

  /** Reads and writes an item by a numeric id, under two parameter names. */
  @Path("/items")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Items {
    final AtomicInteger reads = new AtomicInteger();
    volatile String name = "first";

    @GET
    @Path("{id}")
    @Cached
    public String get(@PathParam("id") long id) {
      reads.incrementAndGet();
      return id + " " + name;
    }

    @PUT
    @Path("{itemId}")
    public String rename(@PathParam("itemId") long itemId, String newName) {
      name = newName;
      return "renamed";
    }
  }

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
    stores.forEach(HazelcastCacheStore::close);
  }

  private RequestSpecification request(int member) {
    return servers.get(member).request().header("Host", "shop.example");
  }

  @Test
  void aWriteThroughOneSpellingOnOneMemberEvictsEverySpellingOnTheOther() {
    for (HazelcastInstance member : cluster.startMembers(2, false)) {
      HazelcastCacheStore store = new HazelcastCacheStore(member, HazelcastCluster.MAP);
      stores.add(store);
      servers.add(
          TestServer.start(
              Apps.of(ResponseCacheFeature.builder().store(store).build(), items), null));
    }
    for (String spelling : List.of("1", "01", "+1")) {
      request(0).get("/items/" + spelling).then().body(startsWith("1 first"));
      request(1)
          .get("/items/" + spelling)
          .then()
          .header("Cache-Status", startsWith("restcache; hit"));
    }
    assertThat(items.reads).hasValue(3);

    request(1).body("second").put("/items/0001").then().statusCode(200);

    for (String spelling : List.of("1", "01", "+1")) {
      request(0)
          .get("/items/" + spelling)
          .then()
          .body(startsWith("1 second"))
          .header("Cache-Status", startsWith("restcache; fwd=uri-miss"));
    }
    assertThat(items.reads).hasValue(6);
  }
}
