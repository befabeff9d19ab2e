package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.Loadavg;
import io.vigil.exporter.source.SourceReader;
import java.util.List;

/**
 * node_exporter's {@code loadavg} collector.
 *
 * <pre>
 * # TYPE node_load1 gauge
 * node_load1 0.21
 * # TYPE node_load5 gauge
 * node_load5 0.32
 * # TYPE node_load15 gauge
 * node_load15 0.3
 * </pre>
 */
public final class LoadavgCollector implements Collector {

  public static final String NAME = "loadavg";

  private final SourceReader<Loadavg> source;

  public LoadavgCollector(SourceReader<Loadavg> source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Loadavg load = source.read();
    return List.of(
        Families.gauge("node_load1", "1m load average.", load.load1()),
        Families.gauge("node_load5", "5m load average.", load.load5()),
        Families.gauge("node_load15", "15m load average.", load.load15()));
  }
}
