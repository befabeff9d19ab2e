package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Ksm;
import io.vigil.exporter.source.procfs.SysFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's {@code ksmd} collector (Linux only, off by default): the kernel samepage merging daemon's files in
 * {@code /sys/kernel/mm/ksm/}, one gauge each named after the file, except {@code full_scans} (a counter) and
 * {@code sleep_millisecs} (converted to {@code node_ksmd_sleep_seconds}).
 *
 * <pre>
 * # HELP node_ksmd_pages_sharing ksmd 'pages_sharing' file.
 * node_ksmd_pages_sharing 0
 * # HELP node_ksmd_sleep_seconds ksmd 'sleep_millisecs' file.
 * node_ksmd_sleep_seconds 0.02
 * </pre>
 *
 * <p>A missing file (a kernel without KSM, or before {@code merge_across_nodes} in 3.9) fails the collection, as in
 * node_exporter.
 *
 * <p>Thread safety: stateless.
 */
public final class KsmdCollector implements Collector {

  public static final String NAME = "ksmd";

  private final SysFs sys;

  public KsmdCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Ksm ksm = Ksm.read(sys);
    List<MetricSnapshot> out = new ArrayList<>(ksm.values().size());
    for (Map.Entry<String, Long> e : ksm.values().entrySet()) {
      String file = e.getKey();
      String help = "ksmd '" + file + "' file.";
      switch (file) {
        case "full_scans" -> out.add(Families.counter("node_ksmd_full_scans", help, e.getValue()));
        case "sleep_millisecs" -> out.add(Families.gauge("node_ksmd_sleep_seconds", help, e.getValue() / 1000.0));
        default -> out.add(Families.gauge("node_ksmd_" + file, help, e.getValue()));
      }
    }
    return out;
  }
}
