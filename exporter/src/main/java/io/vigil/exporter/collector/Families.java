package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;

/**
 * Shorthands for the single-sample families most collectors emit. Counter names are base names: pass
 * {@code node_intr} and the writer exposes {@code node_intr_total}.
 */
public final class Families {

  private Families() {}

  public static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }

  public static CounterSnapshot counter(String baseName, String help, double value) {
    return CounterSnapshot.builder()
        .name(baseName)
        .help(help)
        .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
        .build();
  }

  /** node_exporter's untyped families (netstat, vmstat). */
  public static UnknownSnapshot untyped(String name, String help, double value) {
    return UnknownSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(UnknownDataPointSnapshot.builder().value(value).build())
        .build();
  }

  /** A gauge data point with labels, e.g. {@code point(1, "device", "eth0")}. */
  public static GaugeDataPointSnapshot gaugePoint(double value, String... labelNamesAndValues) {
    return GaugeDataPointSnapshot.builder().labels(Labels.of(labelNamesAndValues)).value(value).build();
  }

  public static CounterDataPointSnapshot counterPoint(double value, String... labelNamesAndValues) {
    return CounterDataPointSnapshot.builder().labels(Labels.of(labelNamesAndValues)).value(value).build();
  }
}
