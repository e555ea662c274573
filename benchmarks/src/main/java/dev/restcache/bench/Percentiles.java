package dev.restcache.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {
  private Percentiles() {}

  static double of(double[] sample, double percentile) {
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
