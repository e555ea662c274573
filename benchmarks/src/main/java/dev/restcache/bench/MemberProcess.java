package dev.restcache.bench;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.testing.LoopbackMembers;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Hazelcast member alone in its JVM, one of the cluster the load runs measure: {@code
 * MemberProcess <cluster> <nearCache> <port> <port>...}, listening on the first port, joining every
 * port listed, configured like the application's own member. Prints {@code READY} once it is a
 * member, runs until killed.
 */
public final class MemberProcess {
  private MemberProcess() {}

  public static void main(String[] args) throws InterruptedException {
    List<Integer> ports = Arrays.stream(args, 2, args.length).map(Integer::valueOf).toList();
    HazelcastInstance member =
        Hazelcast.newHazelcastInstance(
            LoopbackMembers.config(args[0], ports.get(0), ports, Boolean.parseBoolean(args[1])));
    // The partitions are laid out now, among the members started so far: the application's member
    // joins a running cluster and takes its share by migration, as a new instance would.
    while (member.getPartitionService().getPartition(0).getOwner() == null) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    System.out.println("READY " + member.getCluster().getLocalMember());
    Thread.currentThread().join();
  }
}
