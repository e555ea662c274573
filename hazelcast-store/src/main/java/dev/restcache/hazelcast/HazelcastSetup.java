package dev.restcache.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import com.hazelcast.spi.merge.LatestUpdateMergePolicy;
import java.util.List;
import java.util.Map;

/**
 * How restcache sets up Hazelcast for its store: member and client configurations, the map's bounds
 * and indexes, the recommended near cache, and members or clients started with them. {@link
 * HazelcastCacheStore} only uses the map it is given.
 */
public final class HazelcastSetup {
  /** The default bound: entries per member. */
  public static final int DEFAULT_MAX_ENTRIES_PER_NODE = 100_000;

  /** The longest a near-cached copy is used without asking the cluster. */
  public static final int NEAR_CACHE_TTL_SECONDS = 60;

  /**
   * The failure detection and backup settings {@link #configure} gives a member, chosen for a cache
   * (docs/hazelcast.md says why each): a write waits at most a second for the acknowledgement of a
   * backup on a member that died, a silent member is removed after ten seconds rather than sixty,
   * and a split cluster looks for its other half after one minute rather than five.
   */
  public static final Map<String, String> MEMBER_PROPERTIES =
      Map.of(
          "hazelcast.operation.backup.timeout.millis", "1000",
          "hazelcast.heartbeat.interval.seconds", "1",
          "hazelcast.max.no.heartbeat.seconds", "10",
          "hazelcast.heartbeat.failuredetector.type", "deadline",
          "hazelcast.merge.first.run.delay.seconds", "60",
          "hazelcast.merge.next.run.delay.seconds", "30");

  /**
   * The expiry sweep settings {@link #configure} gives a member, so that expired generations and
   * leases leave the heap within seconds of their time to live (docs/hazelcast.md gives the bound):
   * every second, one clean-up operation for each of up to 271 partitions (the default partition
   * count), each looking at all of the partition's expirable entries, as far as it gets in
   * Hazelcast's one millisecond per partition and map (the next visit goes on from there).
   * Hazelcast's defaults run every five seconds and reach only three partitions per partition
   * thread each time: on two cores, expired entries left at about 130 a second, and a map written
   * faster kept them for minutes. They are member-wide settings: a member started with its own
   * configuration needs them too, and a client-mode store depends on its members having them.
   */
  public static final Map<String, String> EXPIRY_PROPERTIES =
      Map.of(
          "hazelcast.internal.map.expiration.task.period.seconds", "1",
          "hazelcast.internal.map.expiration.cleanup.operation.count", "271",
          "hazelcast.internal.map.expiration.cleanup.percentage", "100");

  /**
   * The failure detection settings {@link #clientConfig} gives a client: a member that stops
   * answering is given up after ten seconds rather than sixty, and an operation after ten seconds
   * rather than two minutes.
   */
  public static final Map<String, String> CLIENT_PROPERTIES =
      Map.of(
          "hazelcast.client.heartbeat.interval", "1000",
          "hazelcast.client.heartbeat.timeout", "10000",
          "hazelcast.client.invocation.timeout.seconds", "10");

  private HazelcastSetup() {}

  /**
   * Starts an embedded member configured by {@link #memberConfig}, and a store on it that shuts the
   * member down when closed.
   *
   * @param clusterName the cluster to join
   * @param members the members to join, as {@code host:port}
   * @param port the port this member listens on
   * @param mapName the map's name
   * @param nearCache whether this member keeps a near cache
   * @return a store on the new member
   */
  public static HazelcastCacheStore startMember(
      String clusterName, List<String> members, int port, String mapName, boolean nearCache) {
    return HazelcastCacheStore.owning(
        Hazelcast.newHazelcastInstance(
            memberConfig(clusterName, members, port, mapName, nearCache)),
        mapName);
  }

  /**
   * The configuration of an embedded member of cluster {@code clusterName} listening on {@code
   * port} and joining {@code members} ("host:port") over TCP/IP, multicast and auto-detection off,
   * with the map configured as {@link #configure} does.
   *
   * @param clusterName the cluster to join
   * @param members the members to join, as {@code host:port}
   * @param port the port the member listens on
   * @param mapName the map's name
   * @param nearCache whether the member keeps a near cache
   * @return a new configuration
   */
  public static Config memberConfig(
      String clusterName, List<String> members, int port, String mapName, boolean nearCache) {
    Config config = new Config().setClusterName(clusterName);
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(List.copyOf(members));
    return configure(config, mapName, DEFAULT_MAX_ENTRIES_PER_NODE, nearCache);
  }

  /**
   * Starts a client configured by {@link #clientConfig}, and a store on it that shuts the client
   * down when closed.
   *
   * @param clusterName the cluster to connect to
   * @param addresses members to connect to, as {@code host:port}
   * @param mapName the map's name
   * @param nearCache whether the client keeps a near cache
   * @return a store on the new client
   */
  public static HazelcastCacheStore startClient(
      String clusterName, List<String> addresses, String mapName, boolean nearCache) {
    return HazelcastCacheStore.owning(
        HazelcastClient.newHazelcastClient(
            clientConfig(clusterName, addresses, mapName, nearCache)),
        mapName);
  }

  /**
   * The configuration of a client of cluster {@code clusterName} at {@code addresses} ("host:port")
   * that reconnects by itself and fails fast while the cluster is away, with {@link
   * #CLIENT_PROPERTIES} and the recommended near cache when {@code nearCache}.
   *
   * @param clusterName the cluster to connect to
   * @param addresses members to connect to, as {@code host:port}
   * @param mapName the map's name
   * @param nearCache whether the client keeps a near cache
   * @return a new configuration
   */
  public static ClientConfig clientConfig(
      String clusterName, List<String> addresses, String mapName, boolean nearCache) {
    ClientConfig config = new ClientConfig().setClusterName(clusterName);
    CLIENT_PROPERTIES.forEach(config::setProperty);
    config.getNetworkConfig().setAddresses(List.copyOf(addresses));
    config
        .getConnectionStrategyConfig()
        .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.ASYNC)
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(-1);
    if (nearCache) {
      config.addNearCacheConfig(nearCacheConfig(mapName));
    }
    return config;
  }

  /**
   * Adds restcache's map configuration to a member's {@code config}: bounded to {@code
   * maxEntriesPerNode} entries per member (LRU), binary format, one backup, and, when {@code
   * nearCache}, a near cache on this member; the generations map as {@link #generationsConfig}
   * says; {@link #MEMBER_PROPERTIES} and {@link #EXPIRY_PROPERTIES}. Near-cache invalidations are
   * sent at once rather than batched every ten seconds, which is what keeps the near cache's
   * staleness in milliseconds.
   *
   * @param config a member's configuration, changed in place
   * @param mapName the map's name
   * @param maxEntriesPerNode the bound, in entries per member
   * @param nearCache whether the member keeps a near cache
   * @return {@code config}
   */
  public static Config configure(
      Config config, String mapName, int maxEntriesPerNode, boolean nearCache) {
    config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
    MEMBER_PROPERTIES.forEach(config::setProperty);
    EXPIRY_PROPERTIES.forEach(config::setProperty);
    return config
        .addMapConfig(mapConfig(mapName, maxEntriesPerNode, nearCache))
        .addMapConfig(generationsConfig(mapName));
  }

  /**
   * The configuration of the generations map, {@code mapName.generations}: one backup, never
   * near-cached (a read must see a write's new generation at once), and, after a split brain, the
   * value written last wins, so that a write on either side during the split outlives the other
   * side's older generation. The store also changes its epoch when the cluster merges, which voids
   * every entry whatever the clocks say.
   *
   * @param mapName the entries map's name
   * @return a new configuration
   */
  public static MapConfig generationsConfig(String mapName) {
    return new MapConfig(mapName + ".generations")
        .setBackupCount(1)
        .setPerEntryStatsEnabled(true)
        .setMergePolicyConfig(
            new MergePolicyConfig().setPolicy(LatestUpdateMergePolicy.class.getName()));
  }

  static MapConfig mapConfig(String mapName, int maxEntriesPerNode, boolean nearCache) {
    MapConfig map =
        new MapConfig(mapName)
            .setInMemoryFormat(InMemoryFormat.BINARY)
            .setBackupCount(1)
            .setEvictionConfig(
                new EvictionConfig()
                    .setEvictionPolicy(EvictionPolicy.LRU)
                    .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                    .setSize(maxEntriesPerNode))
            .addIndexConfig(new IndexConfig(IndexType.HASH, "path"))
            .addIndexConfig(new IndexConfig(IndexType.HASH, "tags[any]"))
            // After a split brain the merging side's entries are dropped: the epoch changes on
            // merge and would void them anyway.
            .setMergePolicyConfig(
                new MergePolicyConfig().setPolicy(DiscardMergePolicy.class.getName()));
    if (nearCache) {
      map.setNearCacheConfig(nearCacheConfig(mapName));
    }
    return map;
  }

  /**
   * The near cache restcache recommends: invalidated on every change, and never trusted longer than
   * {@code NEAR_CACHE_TTL_SECONDS} even if an invalidation were lost.
   *
   * @param mapName the map's name
   * @return a new configuration
   */
  public static NearCacheConfig nearCacheConfig(String mapName) {
    return new NearCacheConfig(mapName)
        .setInMemoryFormat(InMemoryFormat.BINARY)
        .setInvalidateOnChange(true)
        .setTimeToLiveSeconds(NEAR_CACHE_TTL_SECONDS)
        .setEvictionConfig(
            new EvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU)
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                .setSize(10_000));
  }
}
