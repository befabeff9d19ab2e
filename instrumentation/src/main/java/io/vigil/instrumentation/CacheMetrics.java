package io.vigil.instrumentation;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Cache hit and miss counters, {@code cache_gets_total{cache,result="hit"|"miss"}}: the names Micrometer's cache
 * binders (Caffeine, JCache, Guava) use, so existing cache panels work. Hit ratio:
 * {@code sum by (cache) (rate(cache_gets_total{result="hit"}[5m])) / sum by (cache) (rate(cache_gets_total[5m]))}.
 *
 * <pre>{@code
 * CacheMetrics.Cache products = CacheMetrics.register(registry).cache("products");
 * Product p = map.get(id);
 * products.record(p != null);
 * }</pre>
 *
 * <p>Thread-safe. Counting never throws: a failure increments
 * {@code vigil_instrumentation_failures_total{component="cache"}}.
 */
public final class CacheMetrics {

  static final String NAME = "cache_gets";

  private final Counter gets;
  private final RecordingFailures failures;

  private CacheMetrics(PrometheusRegistry registry) {
    this.gets = Counter.builder()
        .name(NAME)
        .help("Cache lookups, by result: hit or miss.")
        .labelNames("cache", "result")
        .register(registry);
    this.failures = RecordingFailures.register(registry, "cache");
  }

  /** Registers the counter family (once per registry). */
  public static CacheMetrics register(PrometheusRegistry registry) {
    return new CacheMetrics(registry);
  }

  /** The counters of one cache; create it once per cache name (a fixed name, not per key). */
  public Cache cache(String name) {
    return new Cache(gets.labelValues(name, "hit"), gets.labelValues(name, "miss"), failures);
  }

  /** Hit and miss counters of one cache, resolved once. Thread-safe. */
  public static final class Cache {
    private final CounterDataPoint hits;
    private final CounterDataPoint misses;
    private final RecordingFailures failures;

    private Cache(CounterDataPoint hits, CounterDataPoint misses, RecordingFailures failures) {
      this.hits = hits;
      this.misses = misses;
      this.failures = failures;
    }

    public void hit() {
      record(true);
    }

    public void miss() {
      record(false);
    }

    /** Counts one lookup: a hit if {@code hit}, else a miss. */
    public void record(boolean hit) {
      try {
        (hit ? hits : misses).inc();
      } catch (RuntimeException e) {
        failures.increment();
      }
    }
  }
}
