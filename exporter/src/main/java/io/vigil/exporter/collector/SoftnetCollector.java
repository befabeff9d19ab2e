package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetSoftnetStat;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.List;

/**
 * node_exporter 1.5's {@code softnet} collector (Linux only): per-CPU packets processed, dropped and squeezed from
 * {@code /proc/net/softnet_stat}. As in 1.5, the {@code cpu} label is the line's position, not the CPU index the
 * kernel prints in column 13 since 5.10 (they differ only with offline CPUs); the columns later node_exporter
 * releases add (received_rps, flow_limit_count, backlog) are not exported.
 *
 * <pre>
 * node_softnet_processed_total{cpu="0"} 2.2871049e+07
 * node_softnet_dropped_total{cpu="0"} 0
 * node_softnet_times_squeezed_total{cpu="0"} 412
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class SoftnetCollector implements Collector {

  public static final String NAME = "softnet";

  private final ProcFs proc;

  public SoftnetCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<NetSoftnetStat.Cpu> cpus = NetSoftnetStat.read(proc).cpus();
    if (cpus.isEmpty()) {
      return List.of();
    }
    CounterSnapshot.Builder processed =
        CounterSnapshot.builder().name("node_softnet_processed").help("Number of processed packets");
    CounterSnapshot.Builder dropped =
        CounterSnapshot.builder().name("node_softnet_dropped").help("Number of dropped packets");
    CounterSnapshot.Builder squeezed = CounterSnapshot.builder()
        .name("node_softnet_times_squeezed").help("Number of times processing packets ran out of quota");
    for (int i = 0; i < cpus.size(); i++) {
      String cpu = Integer.toString(i);
      NetSoftnetStat.Cpu c = cpus.get(i);
      processed.dataPoint(Families.counterPoint(c.processed(), "cpu", cpu));
      dropped.dataPoint(Families.counterPoint(c.dropped(), "cpu", cpu));
      squeezed.dataPoint(Families.counterPoint(c.timeSqueezed(), "cpu", cpu));
    }
    return List.of(processed.build(), dropped.build(), squeezed.build());
  }
}
