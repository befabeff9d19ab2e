package io.vigil.exporter.server;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * exporter-toolkit's {@code rate_limit}: a token bucket of {@code burst} tokens, refilled with one token per
 * {@code interval}, shared by every client. A request that finds the bucket empty is answered 429.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class RateLimiter {

  private final long intervalNanos;
  private final int burst;
  private final LongSupplier clock;
  private double tokens; // guarded by this
  private long last; // guarded by this

  RateLimiter(Duration interval, int burst, LongSupplier nanoClock) {
    this.intervalNanos = Math.max(1, interval.toNanos());
    this.burst = burst;
    this.clock = nanoClock;
    this.tokens = burst;
    this.last = nanoClock.getAsLong();
  }

  synchronized boolean tryAcquire() {
    long now = clock.getAsLong();
    tokens = Math.min(burst, tokens + (double) (now - last) / intervalNanos);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
