package dev.restcache.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recording's CPU samples fall: {@code JfrTop <file.jfr> <n>} prints the n methods most
 * often on top of the stack, the share of samples with a restcache method anywhere on the stack
 * (restcache's own cost, with what it calls), and the n restcache methods most often there. The
 * benchmark's own classes do not count as restcache.
 */
public final class JfrTop {
  private JfrTop() {}

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[1]);
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    int samples = 0;
    int inRestcache = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        top.merge(name(frames.get(0)), 1, Integer::sum);
      }
      List<String> restcache =
          frames.stream().map(JfrTop::name).filter(JfrTop::isRestcache).distinct().toList();
      restcache.forEach(f -> ours.merge(f, 1, Integer::sum));
      if (!restcache.isEmpty()) {
        inRestcache++;
      }
    }
    System.out.println("samples: " + samples);
    System.out.printf(
        "samples with restcache on the stack: %.1f%%%n",
        100.0 * inRestcache / Math.max(1, samples));
    print("top of stack", top, samples, n);
    print("restcache frames anywhere on the stack", ours, samples, n);
  }

  private static boolean isRestcache(String method) {
    return method.startsWith("dev.restcache.") && !method.startsWith("dev.restcache.bench.");
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int n) {
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(
            e ->
                System.out.printf(
                    "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
  }
}
