package io.vigil.instrumentation;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code vigil_instrumentation_failures_total{component}}: measurements that a Vigil helper could not record. The
 * request, query or cache lookup itself went on normally; only its metric is missing. A non-zero value is a bug to
 * report, never something to alert on per request.
 *
 * <p>Each helper (plugin, database timer, cache counters) registers one of these with its own {@code component}.
 * The collector declares no name on purpose, so that the registry accepts one per helper and the writer merges them
 * into one family; a helper registers its own metric families first, so a second helper of the same kind on one
 * registry fails there, before it could add a duplicate {@code component}. Thread-safe.
 */
final class RecordingFailures implements Collector {

  static final String NAME = "vigil_instrumentation_failures";

  private final Labels labels;
  private final LongAdder count = new LongAdder();

  private RecordingFailures(String component) {
    this.labels = Labels.of("component", component);
  }

  static RecordingFailures register(PrometheusRegistry registry, String component) {
    RecordingFailures failures = new RecordingFailures(component);
    registry.register(failures);
    return failures;
  }

  void increment() {
    count.increment();
  }

  long count() {
    return count.sum();
  }

  @Override
  public MetricSnapshot collect() {
    return CounterSnapshot.builder()
        .name(NAME)
        .help("Measurements a Vigil instrumentation helper failed to record; the work itself went on.")
        .dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(count.sum()).build())
        .build();
  }
}
