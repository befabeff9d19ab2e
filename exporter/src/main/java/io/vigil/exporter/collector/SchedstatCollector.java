package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Schedstat;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code schedstat} collector (Linux only): per-CPU run and wait time and timeslices from
 * {@code /proc/schedstat}.
 *
 * <pre>
 * node_schedstat_running_seconds_total{cpu="0"} 1593.304577108
 * node_schedstat_waiting_seconds_total{cpu="0"} 211.98726534
 * node_schedstat_timeslices_total{cpu="0"} 1.3231977e+07
 * </pre>
 *
 * <p>Kernels without CONFIG_SCHEDSTATS have no such file; the collection then fails, as node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class SchedstatCollector implements Collector {

  public static final String NAME = "schedstat";

  private final ProcFs proc;

  public SchedstatCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Schedstat stat;
    Path file = proc.path("schedstat");
    if (ProcFs.missing(file)) {
      throw new NoDataException(file + " is missing (kernel without CONFIG_SCHEDSTATS)");
    }
    try {
      stat = Schedstat.read(proc);
    } catch (java.nio.file.NoSuchFileException e) {
      // Kernel built without CONFIG_SCHEDSTATS: node_exporter's "no data".
      throw new NoDataException(e.getFile() + " is missing (kernel without CONFIG_SCHEDSTATS)");
    }
    CounterSnapshot.Builder running = CounterSnapshot.builder()
        .name("node_schedstat_running_seconds").help("Number of seconds CPU spent running a process.");
    CounterSnapshot.Builder waiting = CounterSnapshot.builder()
        .name("node_schedstat_waiting_seconds").help("Number of seconds spent by processing waiting for this CPU.");
    CounterSnapshot.Builder timeslices = CounterSnapshot.builder()
        .name("node_schedstat_timeslices").help("Number of timeslices executed by CPU.");
    for (Schedstat.Cpu cpu : stat.cpus()) {
      running.dataPoint(Families.counterPoint(cpu.runningSeconds(), "cpu", cpu.cpu()));
      waiting.dataPoint(Families.counterPoint(cpu.waitingSeconds(), "cpu", cpu.cpu()));
      timeslices.dataPoint(Families.counterPoint(cpu.timeslices(), "cpu", cpu.cpu()));
    }
    return List.of(running.build(), waiting.build(), timeslices.build());
  }
}
