package io.vigil.exporter.textfile;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the families of several inputs (textfiles, command outputs) into client_java snapshots, all or nothing per
 * input: an input whose families do not fit (a family of another type, a series already given by an earlier input,
 * a histogram without its {@code +Inf} bucket) is refused whole with a {@link TextFormatException} naming its line,
 * and what was merged before stays.
 *
 * <p>Mapping: gauge, untyped, summary and histogram map to their client_java snapshot. A counter named
 * {@code *_total} stays a counter; a counter without that suffix is exposed untyped under its own name, because
 * client_java would otherwise rename it to {@code <name>_total} and break the queries written for it. A family
 * without help text gets node_exporter's {@code Metric read from <source>}.
 *
 * <p>Thread safety: not thread-safe; one merger per scrape.
 */
public final class FamilyMerger {

  private final Map<String, Merged> families = new LinkedHashMap<>();
  private final Set<String> series = new HashSet<>();

  /** A family being merged, with the source that introduced it. */
  private static final class Merged {
    final String name;
    final MetricType type;
    final String help;
    final List<ParsedSample> samples = new ArrayList<>();

    Merged(String name, MetricType type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }
  }

  /** Adds one input's families, or none of them. */
  public void add(String source, List<ParsedFamily> input) throws TextFormatException {
    Set<String> keys = new HashSet<>();
    for (ParsedFamily f : input) {
      Merged existing = families.get(f.name());
      if (existing != null && existing.type != f.type()) {
        throw new TextFormatException(source, f.firstLine(), f.name() + " is " + article(f.type()) + " here but "
            + article(existing.type) + " in an earlier input");
      }
      for (ParsedSample s : f.samples()) {
        String key = s.seriesKey();
        if (series.contains(key)) {
          throw new TextFormatException(source, s.line(), "series " + key.replace(",}", "}")
              + " is already given by an earlier input");
        }
        keys.add(key);
      }
      try {
        toSnapshot(f.name(), f.type(), "check", f.samples());
      } catch (RuntimeException e) { // client_java's validation (duplicate label sets, bad bounds) or ours
        throw new TextFormatException(source, f.firstLine(), f.type().word() + " " + f.name() + ": "
            + e.getMessage());
      }
    }
    for (ParsedFamily f : input) {
      Merged m = families.computeIfAbsent(
          f.name(), n -> new Merged(n, f.type(), f.help().orElse("Metric read from " + source)));
      m.samples.addAll(f.samples());
    }
    series.addAll(keys);
  }

  /** The merged families as snapshots, in order of first appearance. */
  public List<MetricSnapshot> snapshots() {
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    for (Merged m : families.values()) {
      out.add(toSnapshot(m.name, m.type, m.help, m.samples));
    }
    return out;
  }

  /** Family names merged so far. */
  public Set<String> names() {
    return families.keySet();
  }

  private static String article(MetricType type) {
    return (type == MetricType.UNTYPED ? "an " : "a ") + type.word();
  }

  static MetricSnapshot toSnapshot(String name, MetricType type, String help, List<ParsedSample> samples) {
    return switch (type) {
      case GAUGE -> {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        samples.forEach(s -> b.dataPoint(
            GaugeDataPointSnapshot.builder().labels(labels(s.labels())).value(s.value()).build()));
        yield b.build();
      }
      case COUNTER -> {
        if (!name.endsWith("_total")) {
          yield untyped(name, help, samples);
        }
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        for (ParsedSample s : samples) {
          if (s.value() < 0 || Double.isNaN(s.value())) {
            throw new IllegalArgumentException("counter value " + s.value() + " on line " + s.line()
                + " is negative or NaN");
          }
          b.dataPoint(CounterDataPointSnapshot.builder().labels(labels(s.labels())).value(s.value()).build());
        }
        yield b.build();
      }
      case UNTYPED -> untyped(name, help, samples);
      case SUMMARY -> summary(name, help, samples);
      case HISTOGRAM -> histogram(name, help, samples);
    };
  }

  private static MetricSnapshot untyped(String name, String help, List<ParsedSample> samples) {
    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
    samples.forEach(s -> b.dataPoint(
        UnknownDataPointSnapshot.builder().labels(labels(s.labels())).value(s.value()).build()));
    return b.build();
  }

  /** Summary parts of one label set. */
  private static final class SummaryParts {
    final List<Quantile> quantiles = new ArrayList<>();
    Double sum;
    Double count;
  }

  private static MetricSnapshot summary(String name, String help, List<ParsedSample> samples) {
    Map<List<ParsedSample.Label>, SummaryParts> points = new LinkedHashMap<>();
    for (ParsedSample s : samples) {
      if (s.name().equals(name)) {
        double q = FloatText.parse(s.label("quantile")).orElseThrow();
        if (!(q >= 0 && q <= 1)) {
          throw new IllegalArgumentException("quantile " + s.label("quantile") + " on line " + s.line()
              + " is not between 0 and 1");
        }
        points.computeIfAbsent(s.labelsWithout("quantile"), k -> new SummaryParts())
            .quantiles.add(new Quantile(q, s.value()));
      } else if (s.name().equals(name + "_sum")) {
        points.computeIfAbsent(s.labels(), k -> new SummaryParts()).sum = s.value();
      } else {
        points.computeIfAbsent(s.labels(), k -> new SummaryParts()).count = s.value();
      }
    }
    SummarySnapshot.Builder b = SummarySnapshot.builder().name(name).help(help);
    for (Map.Entry<List<ParsedSample.Label>, SummaryParts> e : points.entrySet()) {
      SummaryParts p = e.getValue();
      SummaryDataPointSnapshot.Builder dp =
          SummaryDataPointSnapshot.builder().labels(labels(e.getKey())).quantiles(Quantiles.of(p.quantiles));
      if (p.count != null) {
        dp.count(wholeCount(p.count, name + "_count"));
      }
      if (p.sum != null) {
        dp.sum(p.sum);
      }
      b.dataPoint(dp.build());
    }
    return b.build();
  }

  /** Histogram parts of one label set: cumulative bucket counts by upper bound. */
  private static final class HistogramParts {
    final TreeMap<Double, Double> cumulative = new TreeMap<>();
    Double sum;
    Double count;
  }

  private static MetricSnapshot histogram(String name, String help, List<ParsedSample> samples) {
    Map<List<ParsedSample.Label>, HistogramParts> points = new LinkedHashMap<>();
    for (ParsedSample s : samples) {
      if (s.name().equals(name + "_bucket")) {
        double le = FloatText.parse(s.label("le")).orElseThrow();
        HistogramParts p = points.computeIfAbsent(s.labelsWithout("le"), k -> new HistogramParts());
        if (p.cumulative.put(le, s.value()) != null) {
          throw new IllegalArgumentException("bucket le=\"" + s.label("le") + "\" given twice (line " + s.line()
              + ")");
        }
      } else if (s.name().equals(name + "_sum")) {
        points.computeIfAbsent(s.labels(), k -> new HistogramParts()).sum = s.value();
      } else {
        points.computeIfAbsent(s.labels(), k -> new HistogramParts()).count = s.value();
      }
    }
    HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
    for (Map.Entry<List<ParsedSample.Label>, HistogramParts> e : points.entrySet()) {
      HistogramParts p = e.getValue();
      if (!p.cumulative.containsKey(Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("no le=\"+Inf\" bucket for labels " + e.getKey());
      }
      List<Double> bounds = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      long previous = 0;
      for (Map.Entry<Double, Double> bucket : p.cumulative.entrySet()) {
        long cumulative = wholeCount(bucket.getValue(), name + "_bucket");
        if (cumulative < previous) {
          throw new IllegalArgumentException("bucket counts decrease at le=" + bucket.getKey()
              + "; buckets are cumulative");
        }
        bounds.add(bucket.getKey());
        counts.add(cumulative - previous);
        previous = cumulative;
      }
      if (p.count != null && wholeCount(p.count, name + "_count") != previous) {
        throw new IllegalArgumentException(name + "_count " + p.count + " differs from the +Inf bucket " + previous);
      }
      HistogramDataPointSnapshot.Builder dp =
          HistogramDataPointSnapshot.builder()
              .labels(labels(e.getKey()))
              .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts));
      if (p.sum != null) {
        dp.sum(p.sum);
      }
      b.dataPoint(dp.build());
    }
    return b.build();
  }

  private static long wholeCount(double v, String what) {
    if (!(v >= 0) || v != Math.rint(v) || v > Long.MAX_VALUE) {
      throw new IllegalArgumentException(what + " " + v + " is not a whole non-negative count");
    }
    return (long) v;
  }

  private static Labels labels(List<ParsedSample.Label> labels) {
    if (labels.isEmpty()) {
      return Labels.EMPTY;
    }
    String[] names = new String[labels.size()];
    String[] values = new String[labels.size()];
    for (int i = 0; i < labels.size(); i++) {
      names[i] = labels.get(i).name();
      values[i] = labels.get(i).value();
    }
    return Labels.of(names, values);
  }
}
