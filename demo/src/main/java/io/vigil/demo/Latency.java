package io.vigil.demo;

import java.util.Random;

/**
 * A log-normal latency profile given by its median and 99th percentile, the shape real service latencies roughly
 * have (a body near the median, a long right tail). Immutable; the caller supplies the random source.
 */
record Latency(double medianMillis, double p99Millis) {

  /** z of the 99th percentile of the standard normal distribution. */
  private static final double Z99 = 2.3263;

  Latency {
    if (!(medianMillis > 0) || p99Millis < medianMillis) {
      throw new IllegalArgumentException("need 0 < median <= p99: " + medianMillis + ", " + p99Millis);
    }
  }

  /** One sample in milliseconds, capped at 5 x p99 so that a rare draw cannot stall a request for minutes. */
  long sampleMillis(Random random) {
    double sigma = Math.log(p99Millis / medianMillis) / Z99;
    double value = medianMillis * Math.exp(sigma * random.nextGaussian());
    return Math.round(Math.min(value, 5 * p99Millis));
  }

  static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
