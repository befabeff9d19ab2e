package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Pressure;
import io.vigil.exporter.source.procfs.ProcFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's {@code pressure} collector (Linux only): cumulative pressure stall times from
 * {@code /proc/pressure/{cpu,io,memory}}. As in node_exporter 1.5, cpu reports only its "some" line (waiting), though
 * kernels since 5.13 also print a "full" line for cpu.
 *
 * <pre>
 * node_pressure_cpu_waiting_seconds_total 9.976984
 * node_pressure_io_stalled_seconds_total 1.556874
 * node_pressure_io_waiting_seconds_total 1.67391
 * node_pressure_memory_stalled_seconds_total 0
 * node_pressure_memory_waiting_seconds_total 0
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class PressureCollector implements Collector {

  public static final String NAME = "pressure";

  private final ProcFs proc;

  public PressureCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path dir = Pressure.directory(proc);
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          "pressure information is unavailable: " + dir + " does not exist (PSI needs Linux 4.20 or later built"
              + " with CONFIG_PSI=y; kernels built with CONFIG_PSI_DEFAULT_DISABLED also need psi=1 on the kernel"
              + " command line)");
    }
    Pressure cpu = Pressure.read(proc, "cpu");
    Pressure io = Pressure.read(proc, "io");
    Pressure memory = Pressure.read(proc, "memory");
    List<MetricSnapshot> families = new ArrayList<>();
    cpu.someTotalSeconds().ifPresent(v -> families.add(Families.counter(
        "node_pressure_cpu_waiting_seconds", "Total time in seconds that processes have waited for CPU time", v)));
    io.someTotalSeconds().ifPresent(v -> families.add(Families.counter(
        "node_pressure_io_waiting_seconds", "Total time in seconds that processes have waited due to IO congestion",
        v)));
    io.fullTotalSeconds().ifPresent(v -> families.add(Families.counter(
        "node_pressure_io_stalled_seconds",
        "Total time in seconds no process could make progress due to IO congestion", v)));
    memory.someTotalSeconds().ifPresent(v -> families.add(Families.counter(
        "node_pressure_memory_waiting_seconds", "Total time in seconds that processes have waited for memory", v)));
    memory.fullTotalSeconds().ifPresent(v -> families.add(Families.counter(
        "node_pressure_memory_stalled_seconds",
        "Total time in seconds no process could make progress due to memory congestion", v)));
    return families;
  }
}
