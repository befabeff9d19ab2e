package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.Meminfo;
import io.vigil.exporter.source.procfs.NodeMeminfo;
import io.vigil.exporter.source.procfs.NodeNumastat;
import io.vigil.exporter.source.procfs.SysFs;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's {@code meminfo_numa} collector (Linux only, off by default): per NUMA node, every field of
 * {@code /sys/devices/system/node/node<N>/meminfo} as a gauge {@code node_memory_numa_<Field>} (kB converted to bytes,
 * {@code Active(anon)} spelled {@code Active_anon}, no {@code _bytes} suffix) and every counter of {@code numastat} as
 * {@code node_memory_numa_<name>_total}.
 *
 * <pre>
 * node_memory_numa_MemTotal{node="0"} 8.34387968e+09
 * node_memory_numa_numa_hit_total{node="0"} 9.1234567e+07
 * </pre>
 *
 * <p>A kernel without NUMA support (no {@code /sys/devices/system/node}) gives no families; a node without its
 * {@code meminfo} or {@code numastat} fails the collection, as in node_exporter.
 *
 * <p>Thread safety: stateless.
 */
public final class MeminfoNumaCollector implements Collector {

  public static final String NAME = "meminfo_numa";

  private final SysFs sys;

  public MeminfoNumaCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<String> nodes;
    try {
      nodes = NodeMeminfo.nodes(sys);
    } catch (NoSuchFileException e) {
      return List.of(); // CONFIG_NUMA off: nothing to report, as node_exporter's glob finds nothing
    }
    Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
    Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
    for (String node : nodes) {
      for (Meminfo.Field f : NodeMeminfo.read(sys, node).meminfo().fields()) {
        gauges.computeIfAbsent(f.name(), n -> GaugeSnapshot.builder()
                .name("node_memory_numa_" + n).help("Memory information field " + n + "."))
            .dataPoint(Families.gaugePoint(f.value(), "node", node));
      }
      NodeNumastat.read(sys, node).counters().forEach((name, value) ->
          counters.computeIfAbsent(name, n -> CounterSnapshot.builder()
                  .name("node_memory_numa_" + n).help("Memory information field " + n + "_total."))
              .dataPoint(Families.counterPoint(value, "node", node)));
    }
    List<MetricSnapshot> out = new ArrayList<>(gauges.size() + counters.size());
    gauges.values().forEach(b -> out.add(b.build()));
    counters.values().forEach(b -> out.add(b.build()));
    return out;
  }
}
