package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.SourceReader;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's {@code stat} collector: kernel activity counters from {@link ProcStat}. A counter the kernel or
 * platform does not report is left out.
 *
 * <pre>
 * node_boot_time_seconds 1.795263722e+09
 * node_context_switches_total 322039
 * node_forks_total 5488
 * node_intr_total 143071
 * node_procs_blocked 0
 * node_procs_running 1
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class StatCollector implements Collector {

  public static final String NAME = "stat";

  private final SourceReader<ProcStat> source;

  public StatCollector(SourceReader<ProcStat> source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    ProcStat stat = source.read();
    List<MetricSnapshot> families = new ArrayList<>();
    stat.interrupts().ifPresent(v ->
        families.add(Families.counter("node_intr", "Total number of interrupts serviced.", v)));
    stat.contextSwitches().ifPresent(v ->
        families.add(Families.counter("node_context_switches", "Total number of context switches.", v)));
    stat.forks().ifPresent(v -> families.add(Families.counter("node_forks", "Total number of forks.", v)));
    stat.bootTimeSeconds().ifPresent(v ->
        families.add(Families.gauge("node_boot_time_seconds", "Node boot time, in unixtime.", v)));
    stat.procsRunning().ifPresent(v ->
        families.add(Families.gauge("node_procs_running", "Number of processes in runnable state.", v)));
    stat.procsBlocked().ifPresent(v ->
        families.add(
            Families.gauge("node_procs_blocked", "Number of processes blocked waiting for I/O to complete.", v)));
    return families;
  }
}
