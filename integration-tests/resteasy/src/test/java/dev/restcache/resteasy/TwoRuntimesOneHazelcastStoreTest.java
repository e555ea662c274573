package dev.restcache.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.testing.LoopbackMembers;
import dev.restcache.testing.LoopbackPorts;
import dev.restcache.testing.contract.ContractApplication;
import dev.restcache.testing.contract.ContractServer;
import dev.restcache.testing.contract.Counters;
import dev.restcache.testing.contract.HandleInjection;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One Hazelcast map shared by two instances of the contract application on two runtimes, Jersey on
 * Grizzly and RESTEasy on Undertow, each with a member of its own in one cluster on 127.0.0.1: what
 * one instance stored, the other serves; what one evicts, the other no longer serves. Both run in
 * this JVM, so the resources' counts are those of both instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoRuntimesOneHazelcastStoreTest {
  private static final String CACHE_STATUS = "Cache-Status";
  private static final String STORED = "restcache; fwd=uri-miss; stored";
  private static final String HIT = "restcache; hit";
  private static final Set<HandleInjection> HANDLES = Set.of(HandleInjection.CONTEXT);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger books = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private HazelcastInstance jerseyMember;
  private HazelcastInstance resteasyMember;
  private ContractServer jersey;
  private ContractServer resteasy;

  @BeforeAll
  void startTwoInstancesOfOneCluster() {
    String cluster = "restcache-two-runtimes-" + run;
    List<Integer> ports = List.of(LoopbackPorts.free(), LoopbackPorts.free());
    jerseyMember = Hazelcast.newHazelcastInstance(member(cluster, ports.get(0), ports));
    resteasyMember = Hazelcast.newHazelcastInstance(member(cluster, ports.get(1), ports));
    assertThat(jerseyMember.getCluster().getMembers()).as("one cluster").hasSize(2);
    jersey =
        GrizzlyContractServer.start(
            ContractApplication.of(HANDLES, new HazelcastCacheStore(jerseyMember)));
    resteasy =
        UndertowContractServer.start(
            ContractApplication.of(HANDLES, new HazelcastCacheStore(resteasyMember)));
  }

  private static Config member(String cluster, int port, List<Integer> ports) {
    Config config = LoopbackMembers.config(cluster, port, ports, false);
    // Fewer partitions than the default 271 start a test cluster faster.
    config.setProperty("hazelcast.partition.count", "23");
    return config;
  }

  @AfterAll
  void stop() {
    for (AutoCloseable server : new AutoCloseable[] {jersey, resteasy}) {
      try {
        if (server != null) {
          server.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    for (HazelcastInstance member : new HazelcastInstance[] {jerseyMember, resteasyMember}) {
      if (member != null) {
        member.getLifecycleService().terminate();
      }
    }
  }

  private String newBook() {
    return "shared" + books.incrementAndGet() + "-" + run;
  }

  private static String book(String id) {
    return "/contract/books/" + id;
  }

  @Test
  void whatJerseyStoredRestEasyServes() {
    assertStoredByOneAndServedByTheOther(jersey, resteasy);
  }

  @Test
  void whatRestEasyStoredJerseyServes() {
    assertStoredByOneAndServedByTheOther(resteasy, jersey);
  }

  private void assertStoredByOneAndServedByTheOther(ContractServer one, ContractServer other) {
    String id = newBook();
    HttpResponse<String> stored = send(one, "GET", book(id), null);
    HttpResponse<String> hit = send(other, "GET", book(id), null);

    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(stored.body()).isEqualTo("book " + id + " #1");
    assertThat(header(stored, CACHE_STATUS)).isEqualTo(STORED);
    assertThat(hit.statusCode()).isEqualTo(200);
    assertThat(hit.body()).isEqualTo(stored.body());
    assertThat(header(hit, CACHE_STATUS)).startsWith(HIT);
    assertThat(header(hit, "Age")).matches("\\d+");
    assertThat(header(hit, "ETag")).isNotBlank().isEqualTo(header(stored, "ETag"));
    assertThat(header(hit, "Content-Type")).startsWith("text/plain");
    assertThat(Counters.get("book:" + id)).isEqualTo(1);
  }

  @Test
  void aWriteOnRestEasyEvictsEveryQueryStringJerseyStored() {
    String id = newBook();
    send(jersey, "GET", book(id), null);
    send(jersey, "GET", book(id) + "?edition=2", null);
    assertThat(header(send(resteasy, "GET", book(id), null), CACHE_STATUS)).startsWith(HIT);

    HttpResponse<String> replaced = send(resteasy, "PUT", book(id), "a new title");

    assertThat(replaced.statusCode()).isEqualTo(204);
    HttpResponse<String> after = send(jersey, "GET", book(id), null);
    assertThat(after.body()).isEqualTo("book " + id + " #3");
    assertThat(header(after, CACHE_STATUS)).isEqualTo(STORED);
    assertThat(send(jersey, "GET", book(id) + "?edition=2", null).body())
        .isEqualTo("book " + id + " edition 2 #4");
    assertThat(Counters.get("book:" + id)).isEqualTo(4);
    assertThat(Counters.get("replace:" + id)).isEqualTo(1);
  }

  @Test
  void invalidatesOnJerseyEvictsTheTagOnRestEasy() {
    String id = newBook();
    String other = newBook();
    send(resteasy, "GET", book(id), null);
    send(resteasy, "GET", book(id) + "/cover", null);
    send(resteasy, "GET", book(other), null);

    HttpResponse<String> reviewed = send(jersey, "POST", book(id) + "/reviews", "five stars");

    assertThat(reviewed.statusCode()).isEqualTo(204);
    assertThat(send(resteasy, "GET", book(id), null).body()).isEqualTo("book " + id + " #2");
    assertThat(send(resteasy, "GET", book(id) + "/cover", null).body())
        .isEqualTo("cover " + id + " #2");
    HttpResponse<String> untouched = send(resteasy, "GET", book(other), null);
    assertThat(header(untouched, CACHE_STATUS)).startsWith(HIT);
    assertThat(untouched.body()).isEqualTo("book " + other + " #1");
  }

  @Test
  void theHandleOnRestEasyEvictsWhatJerseyStored() {
    String id = newBook();
    send(jersey, "GET", book(id), null);

    HttpResponse<String> evicted =
        send(resteasy, "POST", HandleInjection.CONTEXT.invalidationPath("book:" + id), null);

    assertThat(evicted.statusCode()).isEqualTo(204);
    HttpResponse<String> after = send(jersey, "GET", book(id), null);
    assertThat(after.body()).isEqualTo("book " + id + " #2");
    assertThat(header(after, CACHE_STATUS)).isEqualTo(STORED);
  }

  private HttpResponse<String> send(
      ContractServer server, String method, String path, String body) {
    // Behind a load balancer every instance sees the same Host; the cache key includes it.
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Host", "bookstore.example")
            .timeout(Duration.ofSeconds(20));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "text/plain")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + path + " interrupted", e);
    }
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
