package dev.restcache.it.support;

import com.hazelcast.client.config.ClientConfig;
import dev.restcache.hazelcast.HazelcastCacheStore;
import dev.restcache.hazelcast.HazelcastSetup;
import dev.restcache.testing.LoopbackPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hazelcast members on 127.0.0.1, each in a JVM of its own ({@link MemberProcess}, on the test's
 * class path), that a test kills with {@code kill -9}, freezes with {@code kill -STOP}, restarts
 * and stops gracefully; every process still running is killed after each test. Their logs are in
 * {@code target/member-processes}.
 */
public final class MemberProcesses implements AfterEachCallback {
  // What Hazelcast asks for on Java 9+, as the surefire configuration gives the tests.
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx192m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "--add-modules",
          "java.se",
          "--add-exports",
          "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.lang=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.management/sun.management=ALL-UNNAMED",
          "--add-opens",
          "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private static final Path LOGS = Path.of("target", "member-processes");

  private final String cluster = "restcache-processes-" + UUID.randomUUID();
  private final List<Integer> ports = new ArrayList<>();
  private final List<Member> members = new ArrayList<>();
  private final Map<String, String> properties;

  /** One member's process, its commands and its answers. */
  private record Member(Process process, PrintWriter commands, BlockingQueue<String> answers) {}

  /** Members with restcache's member configuration. */
  public MemberProcesses() {
    this(Map.of());
  }

  /** Members whose configuration also has {@code properties}, Hazelcast's, over restcache's. */
  public MemberProcesses(Map<String, String> properties) {
    this.properties = Map.copyOf(properties);
  }

  /** Starts {@code count} members at once and waits until each has joined. */
  public void start(int count) {
    for (int i = 0; i < count; i++) {
      ports.add(LoopbackPorts.free());
      members.add(null);
    }
    for (int i = 0; i < count; i++) {
      members.set(i, launch(i));
    }
    for (int i = 0; i < count; i++) {
      awaitAnswer(i, "ready");
    }
  }

  /** The cluster's name. */
  public String cluster() {
    return cluster;
  }

  /** The members' addresses, {@code 127.0.0.1:port}. */
  public List<String> addresses() {
    return ports.stream().map(port -> "127.0.0.1:" + port).toList();
  }

  /** Kills member {@code index}'s process at once, as {@code kill -9} does. */
  public void kill(int index) {
    Process process = members.get(index).process();
    process.destroyForcibly();
    waitFor(process);
  }

  /** Stops member {@code index}'s process where it is, as a frozen host would, until thawed. */
  public void freeze(int index) {
    signal(index, "-STOP");
  }

  /** Lets member {@code index}'s frozen process run on. */
  public void thaw(int index) {
    signal(index, "-CONT");
  }

  /**
   * A configuration for a client of these members, trying {@code addresses} ({@code
   * 127.0.0.1:port}) in that order, as restcache configures one, and quiet.
   */
  public ClientConfig clientConfig(List<String> addresses) {
    ClientConfig config =
        HazelcastSetup.clientConfig(
            cluster, addresses, HazelcastCacheStore.DEFAULT_MAP_NAME, false);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.client.shuffle.member.list", "false");
    return config;
  }

  /** Shuts member {@code index} down gracefully, its partitions handed over first. */
  public void stop(int index) {
    Member member = members.get(index);
    member.commands().println("stop");
    member.commands().flush();
    waitFor(member.process());
  }

  /** Starts member {@code index} again, on its port, and waits until it has joined. */
  public void restart(int index) {
    members.set(index, launch(index));
    awaitAnswer(index, "ready");
  }

  /** Waits until every partition has its backup, as seen by member {@code index}. */
  public void awaitSafe(int index) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Member member = members.get(index);
      member.commands().println("safe");
      member.commands().flush();
      if (awaitAnswer(index, "safe ").equals("safe true")) {
        return;
      }
      sleep(200);
    }
    throw new IllegalStateException("the cluster did not become safe within 60 s");
  }

  private Member launch(int index) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MemberProcess.class.getName());
    command.add(cluster);
    command.add(String.valueOf(ports.get(index)));
    ports.forEach(port -> command.add(String.valueOf(port)));
    try {
      // Hazelcast logs to standard error: kept per member, for a failure to be read after.
      Path log = LOGS.resolve("member-" + index + ".log");
      Files.createDirectories(LOGS);
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      BlockingQueue<String> answers = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    answers.add(line);
                  }
                } catch (IOException ended) {
                  // the process is gone
                }
              },
              "member-" + index + "-out");
      reader.setDaemon(true);
      reader.start();
      return new Member(
          process,
          new PrintWriter(process.getOutputStream(), false, StandardCharsets.UTF_8),
          answers);
    } catch (IOException e) {
      throw new IllegalStateException("could not start member " + index, e);
    }
  }

  private void signal(int index, String signal) {
    long pid = members.get(index).process().pid();
    try {
      Process kill = new ProcessBuilder("kill", signal, String.valueOf(pid)).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill " + signal + " " + pid + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not signal member " + index, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String awaitAnswer(int index, String prefix) {
    Member member = members.get(index);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    try {
      while (System.nanoTime() < deadline) {
        String line = member.answers().poll(1, TimeUnit.SECONDS);
        if (line != null && line.startsWith(prefix)) {
          return line;
        }
        if (line == null && !member.process().isAlive()) {
          throw new IllegalStateException(
              "member " + index + " exited with " + member.process().exitValue());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("member " + index + " did not answer " + prefix.trim());
  }

  private static void waitFor(Process process) {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    members.forEach(
        member -> {
          if (member != null) {
            member.process().destroyForcibly();
          }
        });
    members.clear();
  }
}
