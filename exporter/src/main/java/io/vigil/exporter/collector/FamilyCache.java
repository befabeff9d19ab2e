package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A collector's memo of validated family metadata and {@code device} label sets. client_java checks every metric and
 * label name whenever a snapshot or a label set is built (allocating a UTF-8 encoder per check); family names and
 * device names repeat on every scrape, so each is checked once here. The first build of a family goes through the
 * client_java builder, so the metadata is exactly what the builder makes. Same output as {@link Families}.
 *
 * <p>Bounded: past {@value #MAX_ENTRIES} entries of one kind it starts over. Thread safety: safe for concurrent use.
 */
final class FamilyCache {

  private static final int MAX_ENTRIES = 4096;

  private final Map<String, MetricMetadata> gauges = new ConcurrentHashMap<>();
  private final Map<String, MetricMetadata> counters = new ConcurrentHashMap<>();
  private final Map<String, MetricMetadata> untyped = new ConcurrentHashMap<>();
  private final Map<String, Labels> devices = new ConcurrentHashMap<>();

  /** As {@link Families#gauge}. */
  GaugeSnapshot gauge(String name, String help, double value) {
    MetricMetadata m = metadata(gauges, name, help, n -> Families.gauge(n, help, 0).getMetadata());
    return new GaugeSnapshot(m, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }

  /** As {@link Families#counter}: the base name, without {@code _total}. */
  CounterSnapshot counter(String baseName, String help, double value) {
    MetricMetadata m = metadata(counters, baseName, help, n -> Families.counter(n, help, 0).getMetadata());
    return new CounterSnapshot(m, List.of(CounterDataPointSnapshot.builder().value(value).build()));
  }

  /** As {@link Families#untyped}. */
  UnknownSnapshot untyped(String name, String help, double value) {
    MetricMetadata m = metadata(untyped, name, help, n -> Families.untyped(n, help, 0).getMetadata());
    return new UnknownSnapshot(m, List.of(UnknownDataPointSnapshot.builder().value(value).build()));
  }

  /** {@code Labels.of("device", device)}, built once per device. */
  Labels device(String device) {
    Labels l = devices.get(device);
    if (l == null) {
      if (devices.size() >= MAX_ENTRIES) {
        devices.clear();
      }
      l = Labels.of("device", device);
      devices.put(device, l);
    }
    return l;
  }

  private static MetricMetadata metadata(
      Map<String, MetricMetadata> cache, String name, String help, Function<String, MetricMetadata> build) {
    MetricMetadata m = cache.get(name);
    if (m == null || !m.getHelp().equals(help)) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      m = build.apply(name);
      cache.put(name, m);
    }
    return m;
  }
}
