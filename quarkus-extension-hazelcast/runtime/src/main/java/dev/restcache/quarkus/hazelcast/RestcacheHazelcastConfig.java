package dev.restcache.quarkus.hazelcast;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Hazelcast store's configuration, under {@code quarkus.restcache.hazelcast}, used with {@code
 * quarkus.restcache.store=hazelcast}. Ignored when the application has a {@code HazelcastInstance}
 * bean: restcache then uses that instance.
 */
@ConfigMapping(prefix = "quarkus.restcache.hazelcast")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface RestcacheHazelcastConfig {

  /** How the Hazelcast store reaches its cluster. */
  enum Mode {
    /** This application starts a cluster member of its own. */
    EMBEDDED,
    /** This application connects to existing members as a client. */
    CLIENT
  }

  /** Whether this application starts a member of its own or connects as a client. */
  @WithDefault("embedded")
  Mode mode();

  /** The cluster's name; members and clients join only a cluster of their name. */
  @WithDefault("restcache")
  String clusterName();

  /**
   * The members to join (embedded) or connect to (client), as {@code host:port}. Multicast
   * discovery is never used. An embedded member with none forms a cluster of its own.
   */
  Optional<List<String>> members();

  /** The port an embedded member listens on. */
  @WithDefault("5701")
  int port();

  /**
   * The address an embedded member binds to and announces, such as {@code 127.0.0.1}; by default
   * Hazelcast picks one of the host's.
   */
  Optional<String> bindAddress();

  /** The name of the map holding the entries. */
  @WithDefault("restcache")
  String mapName();

  /**
   * Whether this instance keeps a near cache of the map, invalidated on every change and trusted
   * for at most 60 seconds.
   */
  @WithDefault("false")
  boolean nearCache();

  /**
   * How long this instance reuses the generations and the entries it read from the cluster before
   * reading them again, from 0 to 1 second, such as {@code 100ms}. A hit within that time is
   * answered from memory, with no round trip; every eviction is answered that long (and a tenth
   * more) after it is in force. Give every instance of the cluster the same value. Default: every
   * hit reads its entry and its generations.
   */
  @WithDefault("0s")
  Duration reuseReadsFor();
}
