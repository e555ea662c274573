package dev.restcache.it.support;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.restcache.testing.LoopbackMembers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A Hazelcast member in a JVM of its own, started by {@link MemberProcesses}: arguments are the
 * cluster's name, this member's port and every member's port. It prints {@code ready} once it has
 * joined, with the {@code hazelcast.*} system properties it was started with over its
 * configuration's properties; on its standard input, {@code safe} asks whether every partition has
 * its backup (it answers {@code safe true} or {@code safe false}) and {@code stop} shuts it down
 * gracefully. It exits when its standard input closes, so it never outlives the test's JVM.
 */
public final class MemberProcess {
  private MemberProcess() {}

  /**
   * Starts the member and answers commands until {@code stop} or the end of its input.
   *
   * @param args cluster name, port, then every member's port
   * @throws IOException if standard input fails
   */
  public static void main(String[] args) throws IOException {
    String cluster = args[0];
    int port = Integer.parseInt(args[1]);
    List<Integer> ports = Arrays.stream(args, 2, args.length).map(Integer::valueOf).toList();
    Config config = LoopbackMembers.config(cluster, port, ports, false);
    config.setProperty("hazelcast.partition.count", "23");
    // What the test asked for (MemberProcesses passes it as system properties) wins.
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("hazelcast."))
        .forEach(name -> config.setProperty(name, System.getProperty(name)));
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    System.out.println("ready");
    System.out.flush();
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String command = commands.readLine(); command != null; command = commands.readLine()) {
      if (command.equals("safe")) {
        System.out.println("safe " + member.getPartitionService().isClusterSafe());
        System.out.flush();
      } else if (command.equals("stop")) {
        break;
      }
    }
    member.shutdown();
    System.exit(0);
  }
}
