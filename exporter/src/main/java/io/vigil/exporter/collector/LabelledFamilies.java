package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects labelled samples into families, for collectors that emit one family per kernel field across many
 * devices. Families appear in first-use order and only once they have a sample, so a field no device reports has no
 * family. Counter names are given as exposed ({@code node_xfs_read_calls_total}); the {@code _total} is stripped for
 * client_java, whose writer adds it back. A second sample with the same labels in one family is dropped (client_java
 * rejects duplicates; node_exporter would fail the whole scrape).
 *
 * <p>Thread safety: not thread-safe; use one instance per {@code collect()}.
 */
final class LabelledFamilies {

  private enum Kind { GAUGE, COUNTER, UNTYPED }

  private static final class Family {
    final Kind kind;
    final String name;
    final String help;
    final Set<Labels> seen = new HashSet<>();
    final List<Object> points = new ArrayList<>();

    Family(Kind kind, String name, String help) {
      this.kind = kind;
      this.name = name;
      this.help = help;
    }
  }

  private final Map<String, Family> families = new LinkedHashMap<>();

  /** Adds a gauge sample; {@code labels} alternates names and values. */
  void gauge(String name, String help, double value, String... labels) {
    add(Kind.GAUGE, name, help, value, labels);
  }

  /** Adds a counter sample; {@code name} is the exposed name ending in {@code _total}. */
  void counter(String name, String help, double value, String... labels) {
    if (!name.endsWith("_total")) {
      throw new IllegalArgumentException("counter name must end in _total: " + name);
    }
    add(Kind.COUNTER, name.substring(0, name.length() - "_total".length()), help, value, labels);
  }

  /** Adds a sample of one of node_exporter's untyped families (zfs kstats). */
  void untyped(String name, String help, double value, String... labels) {
    add(Kind.UNTYPED, name, help, value, labels);
  }

  private void add(Kind kind, String name, String help, double value, String... labels) {
    Family family = families.computeIfAbsent(name, n -> new Family(kind, n, help));
    if (family.kind != kind) {
      throw new IllegalArgumentException(name + " is already a " + family.kind + " family");
    }
    Labels l = Labels.of(labels);
    if (!family.seen.add(l)) {
      return;
    }
    family.points.add(switch (kind) {
      case GAUGE -> GaugeDataPointSnapshot.builder().labels(l).value(value).build();
      case COUNTER -> CounterDataPointSnapshot.builder().labels(l).value(value).build();
      case UNTYPED -> UnknownDataPointSnapshot.builder().labels(l).value(value).build();
    });
  }

  /** The families with at least one sample. */
  List<MetricSnapshot> snapshots() {
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    for (Family f : families.values()) {
      out.add(switch (f.kind) {
        case GAUGE -> {
          GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(f.name).help(f.help);
          f.points.forEach(p -> b.dataPoint((GaugeDataPointSnapshot) p));
          yield b.build();
        }
        case COUNTER -> {
          CounterSnapshot.Builder b = CounterSnapshot.builder().name(f.name).help(f.help);
          f.points.forEach(p -> b.dataPoint((CounterDataPointSnapshot) p));
          yield b.build();
        }
        case UNTYPED -> {
          UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(f.name).help(f.help);
          f.points.forEach(p -> b.dataPoint((UnknownDataPointSnapshot) p));
          yield b.build();
        }
      });
    }
    return out;
  }
}
