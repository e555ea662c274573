package dev.restcache.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Turns {@code load.csv} (scenario,rep,requests_per_s,p50_ms,p99_ms) into the ratio table {@code
 * summary.md} and the chart: {@code Report <resultsDir> <chart.png>}. Each ratio is taken within
 * one repetition, where the scenarios ran one after the other, and reported as the median with the
 * minimum and maximum over repetitions.
 */
public final class Report {
  /** Ratio name, numerator scenario, denominator scenario. */
  private static final String[][] RATIOS = {
    {"hit / floor (goal >= 1.0)", "hit", "floor"},
    {"front hit / floor", "front", "floor"},
    {"cached / uncached, 300 objects serialised (goal >= 20)", "expensive-cached", "expensive"},
    {"cached / uncached, 5 ms backend call (goal >= 20)", "backend-cached", "backend"},
    {"hit / nginx proxy_cache hit", "hit", "nginx"},
    {"hit / Varnish hit", "hit", "varnish"},
    {"front hit / nginx proxy_cache hit (goal >= 0.8)", "front", "nginx"},
    {"front hit / Varnish hit (goal >= 1.0)", "front", "varnish"},
    {
      "Hazelcast hit, all reads remote / in-memory hit, 3 member processes (goal >= 0.6)",
      "cluster",
      "cluster-baseline"
    },
    {
      "Hazelcast hit, near cache / in-memory hit, 3 member processes (goal >= 0.95)",
      "cluster-near",
      "near-baseline"
    },
    {
      "Hazelcast hit, reads reused 100 ms / in-memory hit, 3 member processes (goal >= 0.6)",
      "cluster-reuse",
      "cluster-baseline"
    },
    {
      "Hazelcast hit, near cache, reads reused 100 ms / in-memory hit, 3 member processes"
          + " (goal >= 0.95)",
      "cluster-near-reuse",
      "near-baseline"
    }
  };

  private record Run(
      String scenario, int rep, double rps, double p50, double p99, double cpuMicros) {}

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args[0]);
    List<Run> runs = new ArrayList<>();
    for (String line : Files.readAllLines(results.resolve("load.csv"))) {
      String[] f = line.split(",");
      if (f[0].equals("scenario")) {
        continue;
      }
      runs.add(
          new Run(
              f[0],
              Integer.parseInt(f[1]),
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              f.length > 5 && !f[5].isEmpty() ? Double.parseDouble(f[5]) : Double.NaN));
    }
    StringBuilder md = new StringBuilder();
    md.append(
        "| Scenario | requests/s median (min–max) | p50 ms median | p99 ms median "
            + "| server CPU µs/request median (min–max) |\n");
    md.append("|---|---|---|---|---|\n");
    Map<String, List<Run>> byScenario = new LinkedHashMap<>();
    runs.forEach(r -> byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r));
    byScenario.forEach(
        (scenario, list) -> {
          double[] cpu =
              list.stream().mapToDouble(Run::cpuMicros).filter(c -> !Double.isNaN(c)).toArray();
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.0f (%.0f–%.0f) | %.2f | %.2f | %s |%n",
                  scenario,
                  median(list.stream().mapToDouble(Run::rps).toArray()),
                  list.stream().mapToDouble(Run::rps).min().orElse(0),
                  list.stream().mapToDouble(Run::rps).max().orElse(0),
                  median(list.stream().mapToDouble(Run::p50).toArray()),
                  median(list.stream().mapToDouble(Run::p99).toArray()),
                  cpu.length == 0
                      ? "–"
                      : String.format(
                          Locale.ROOT, "%.1f (%.1f–%.1f)", median(cpu), min(cpu), max(cpu))));
        });
    md.append(
        "\n| Ratio of throughput, same repetition | median | min | max |\n|---|---|---|---|\n");
    for (String[] ratio : RATIOS) {
      List<Double> values = new ArrayList<>();
      for (Run top : runs) {
        if (!top.scenario().equals(ratio[1])) {
          continue;
        }
        runs.stream()
            .filter(b -> b.scenario().equals(ratio[2]) && b.rep() == top.rep())
            .findFirst()
            .ifPresent(bottom -> values.add(top.rps() / bottom.rps()));
      }
      if (values.isEmpty()) {
        continue;
      }
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      md.append(
          String.format(
              Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", ratio[0], median(v), min(v), max(v)));
    }
    List<Double> cpuRatios = new ArrayList<>();
    for (Run hit : runs) {
      if (hit.scenario().equals("hit") && !Double.isNaN(hit.cpuMicros())) {
        runs.stream()
            .filter(f -> f.scenario().equals("floor") && f.rep() == hit.rep())
            .findFirst()
            .ifPresent(floor -> cpuRatios.add(hit.cpuMicros() / floor.cpuMicros()));
      }
    }
    if (!cpuRatios.isEmpty()) {
      double[] v = cpuRatios.stream().mapToDouble(Double::doubleValue).toArray();
      md.append(
          String.format(
              Locale.ROOT,
              "%n| Server CPU per request, same repetition | median | min | max |%n|---|---|---|---|%n"
                  + "| hit / floor | %.2f | %.2f | %.2f |%n",
              median(v),
              min(v),
              max(v)));
    }
    Files.writeString(results.resolve("summary.md"), md);
    chart(byScenario, Path.of(args[1]));
    System.out.print(md);
  }

  private static void chart(Map<String, List<Run>> byScenario, Path png) throws IOException {
    int width = 900;
    int barHeight = 34;
    int left = 190;
    int height = 90 + byScenario.size() * (barHeight + 14);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Throughput, requests/s (median of repetitions; whiskers: min–max)", 20, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString("green: restcache hits   blue: nginx / Varnish hits   grey: no cache", 20, 48);
    double most =
        byScenario.values().stream().flatMap(List::stream).mapToDouble(Run::rps).max().orElse(1);
    double scale = (width - left - 110) / most;
    int y = 64;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    for (Map.Entry<String, List<Run>> entry : byScenario.entrySet()) {
      double[] rps = entry.getValue().stream().mapToDouble(Run::rps).toArray();
      double median = median(rps);
      g.setColor(colour(entry.getKey()));
      g.fillRect(left, y, (int) (median * scale), barHeight);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(2));
      int mid = y + barHeight / 2;
      g.drawLine(left + (int) (min(rps) * scale), mid, left + (int) (max(rps) * scale), mid);
      g.drawString(entry.getKey(), 20, mid + 5);
      g.drawString(
          String.format(Locale.ROOT, "%.0f", median), left + (int) (max(rps) * scale) + 8, mid + 5);
      y += barHeight + 14;
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  // restcache hits green, the other caches blue, uncached answers grey.
  private static Color colour(String scenario) {
    if (scenario.equals("nginx") || scenario.equals("varnish")) {
      return new Color(0x1565C0);
    }
    return List.of("floor", "expensive", "backend").contains(scenario)
        ? new Color(0x90A4AE)
        : new Color(0x2E7D32);
  }

  private static double median(double[] values) {
    return Percentiles.of(values, 50);
  }

  private static double min(double[] values) {
    return java.util.Arrays.stream(values).min().orElse(0);
  }

  private static double max(double[] values) {
    return java.util.Arrays.stream(values).max().orElse(0);
  }
}
