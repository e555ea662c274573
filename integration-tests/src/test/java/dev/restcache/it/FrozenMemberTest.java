package dev.restcache.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.MemberProcesses;
import dev.restcache.it.support.TestServer;
import dev.restcache.it.support.VersionedItems;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three Hazelcast members, each in a JVM of its own, and two application instances, clients of the
 * cluster. The member owning a cached path's generation freezes ({@code kill -STOP}); a write
 * through one instance is answered after the eviction timeout, its new generation still waiting on
 * the frozen member; the cluster removes the member and its backup takes over with the old
 * generation. No GET sent after the write's response, through either instance, gets the old body,
 * before the removal, after it, or once the member runs again; none gets a 5xx.
 */
class FrozenMemberTest {
  private static final String PATH = "/items/hot";
  // Past MEMBER_REMOVAL_QUIET and the writer's retry: the reads cover the time when the old
  // generation is back and the write's new one is not applied yet.
  private static final Duration READ_AFTER_REMOVAL = Duration.ofSeconds(8);

  // A silent member is removed after 3 s, not restcache's 10 s, so that the test takes seconds;
  // the clients give a silent member up as soon, as restcache's settings have them do.
  @RegisterExtension
  final MemberProcesses members =
      new MemberProcesses(Map.of("hazelcast.max.no.heartbeat.seconds", "3"));

  private final VersionedItems items = new VersionedItems();
  private final List<TestServer> servers = new ArrayList<>();
  private final List<HazelcastInstance> clients = new ArrayList<>();
  private final List<HazelcastCacheStore> stores = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(TestServer::close);
    stores.forEach(HazelcastCacheStore::close);
  }

  @Test
  void aWriteWaitingOnAFrozenMemberIsNeverFollowedByTheOldBody() {
    members.start(3);
    TestServer writer = startInstance();
    TestServer reader = startInstance();
    HazelcastInstance readerClient = clients.get(1);
    assertThat(reader.request().get(PATH).asString()).isEqualTo("hot v0");
    awaitHit(reader, "hot v0");

    int frozen = ownerOfGeneration(readerClient);
    members.freeze(frozen);
    long frozenAt = System.nanoTime();
    Response put = writer.request().put(PATH);
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.asString()).isEqualTo("1");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long removed = 0;
    while (removed == 0 || System.nanoTime() - removed < READ_AFTER_REMOVAL.toNanos()) {
      assertThat(System.nanoTime()).as("the frozen member is removed").isLessThan(deadline);
      readBoth(writer, reader, "frozen or removed");
      if (removed == 0 && readerClient.getCluster().getMembers().size() == 2) {
        removed = System.nanoTime();
      }
    }
    System.out.printf(
        "FrozenMemberTest: the frozen member was removed %d ms after it froze%n",
        TimeUnit.NANOSECONDS.toMillis(removed - frozenAt));
    members.thaw(frozen);
    long thawed = System.nanoTime();
    while (System.nanoTime() - thawed < TimeUnit.SECONDS.toNanos(2)) {
      readBoth(writer, reader, "thawed");
    }

    assertThat(failures).as("GETs answered with the old body or not with 200").isEmpty();
    // The cache works again.
    awaitHit(reader, "hot v1");
  }

  // The response is stored after it is sent: a hit comes a moment later.
  private static void awaitHit(TestServer server, String body) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Response response = server.request().get(PATH);
    while (!response.header("Cache-Status").startsWith("restcache; hit")) {
      assertThat(System.nanoTime()).as("a hit within 10 s").isLessThan(deadline);
      response = server.request().get(PATH);
    }
    assertThat(response.asString()).isEqualTo(body);
  }

  private void readBoth(TestServer writer, TestServer reader, String phase) {
    for (TestServer server : List.of(writer, reader)) {
      Response response = server.request().get(PATH);
      if (response.statusCode() != 200 || VersionedItems.versionIn(response.asString()) < 1) {
        failures.add(
            phase
                + ", instance "
                + servers.indexOf(server)
                + ": "
                + response.statusCode()
                + " "
                + response.asString()
                + " "
                + response.header("Cache-Status"));
      }
    }
  }

  // The member owning the path's generation: the path as the store keys it is in its entries.
  private int ownerOfGeneration(HazelcastInstance client) {
    Set<String> paths =
        client.<String, GenericRecord>getMap(HazelcastCacheStore.DEFAULT_MAP_NAME).values().stream()
            .map(entry -> entry.getString("path"))
            .collect(Collectors.toSet());
    assertThat(paths).hasSize(1);
    String path = paths.iterator().next();
    int port = client.getPartitionService().getPartition(path).getOwner().getAddress().getPort();
    return members.addresses().indexOf("127.0.0.1:" + port);
  }

  // An application instance on a client of its own; writes wait 300 ms for their eviction.
  private TestServer startInstance() {
    ClientConfig config = members.clientConfig(members.addresses());
    config.setProperty("hazelcast.client.heartbeat.timeout", "3000");
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
    clients.add(client);
    HazelcastCacheStore store =
        HazelcastCacheStore.owning(client, HazelcastCacheStore.DEFAULT_MAP_NAME);
    stores.add(store);
    TestServer server =
        TestServer.start(
            Apps.of(
                ResponseCacheFeature.builder()
                    .store(store)
                    .evictionTimeout(Duration.ofMillis(300))
                    .build(),
                items),
            null);
    servers.add(server);
    return server;
  }
}
