package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.List;

/**
 * The one place that refuses nonsense from a collector: a counter that is negative, NaN or infinite, or a gauge or
 * untyped value that is NaN. Such a value means a broken source or a parsing bug; serving it would corrupt rates and
 * alerts, so the runner treats the whole run as failed ({@code success 0}, a log line on the state change) rather
 * than serve part of it. (client_java already refuses negative counters when the snapshot is built; the check here
 * also catches NaN and infinity, which it lets through.)
 */
final class ValueSanity {

  private ValueSanity() {}

  /** A value no collector may return. */
  static final class NonsenseValueException extends Exception {
    NonsenseValueException(String message) {
      super(message);
    }
  }

  static void check(List<MetricSnapshot> families) throws NonsenseValueException {
    for (MetricSnapshot family : families) {
      String name = family.getMetadata().getPrometheusName();
      if (family instanceof CounterSnapshot c) {
        for (CounterSnapshot.CounterDataPointSnapshot p : c.getDataPoints()) {
          double v = p.getValue();
          if (!(v >= 0) || Double.isInfinite(v)) {
            throw nonsense("counter", name, p.getLabels(), v);
          }
        }
      } else if (family instanceof GaugeSnapshot g) {
        for (GaugeSnapshot.GaugeDataPointSnapshot p : g.getDataPoints()) {
          if (Double.isNaN(p.getValue())) {
            throw nonsense("gauge", name, p.getLabels(), p.getValue());
          }
        }
      } else if (family instanceof UnknownSnapshot u) {
        for (UnknownSnapshot.UnknownDataPointSnapshot p : u.getDataPoints()) {
          if (Double.isNaN(p.getValue())) {
            throw nonsense("untyped", name, p.getLabels(), p.getValue());
          }
        }
      }
    }
  }

  private static NonsenseValueException nonsense(String type, String name,
      io.prometheus.metrics.model.snapshots.Labels labels, double v) {
    return new NonsenseValueException("nonsense " + type + " value " + v + " for " + name + labels);
  }
}
