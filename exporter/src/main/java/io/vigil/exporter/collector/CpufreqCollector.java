package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import io.vigil.exporter.source.procfs.SystemCpufreq;
import java.util.List;
import java.util.OptionalLong;

/**
 * node_exporter's {@code cpufreq} collector (Linux): per-CPU frequency limits and current frequency from
 * {@code /sys/devices/system/cpu/cpu<N>/cpufreq/}, converted from kHz to hertz.
 *
 * <pre>
 * # HELP node_cpu_frequency_max_hertz Maximum cpu thread frequency in hertz.
 * node_cpu_frequency_max_hertz{cpu="0"} 3.8e+09
 * # HELP node_cpu_scaling_frequency_hertz Current scaled CPU thread frequency in hertz.
 * node_cpu_scaling_frequency_hertz{cpu="0"} 3.600123e+09
 * </pre>
 *
 * <p>The HELP texts are 1.5's, "cpu" and "CPU" as there. 1.5 has no {@code node_cpu_scaling_governor} (it came in
 * 1.6), so neither does Vigil. A host without cpufreq (most virtual machines) succeeds with no families; a malformed
 * frequency or a missing governor/driver file fails the collector, as in node_exporter.
 *
 * <p>Thread safety: stateless.
 */
public final class CpufreqCollector implements Collector {

  public static final String NAME = "cpufreq";

  private static final double HERTZ_PER_KHZ = 1000.0;

  private final SysFs sys;

  public CpufreqCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    LabelledFamilies out = new LabelledFamilies();
    List<SystemCpufreq> cpus = SystemCpufreq.readAll(sys);
    // node_exporter's family order: each family over all CPUs
    for (SystemCpufreq c : cpus) {
      hertz(out, "node_cpu_frequency_hertz", "Current cpu thread frequency in hertz.", c.cpuinfoCurKhz(), c);
    }
    for (SystemCpufreq c : cpus) {
      hertz(out, "node_cpu_frequency_max_hertz", "Maximum cpu thread frequency in hertz.", c.cpuinfoMaxKhz(), c);
    }
    for (SystemCpufreq c : cpus) {
      hertz(out, "node_cpu_frequency_min_hertz", "Minimum cpu thread frequency in hertz.", c.cpuinfoMinKhz(), c);
    }
    for (SystemCpufreq c : cpus) {
      hertz(out, "node_cpu_scaling_frequency_hertz", "Current scaled CPU thread frequency in hertz.",
          c.scalingCurKhz(), c);
    }
    for (SystemCpufreq c : cpus) {
      hertz(out, "node_cpu_scaling_frequency_max_hertz", "Maximum scaled CPU thread frequency in hertz.",
          c.scalingMaxKhz(), c);
    }
    for (SystemCpufreq c : cpus) {
      hertz(out, "node_cpu_scaling_frequency_min_hertz", "Minimum scaled CPU thread frequency in hertz.",
          c.scalingMinKhz(), c);
    }
    return out.snapshots();
  }

  private static void hertz(LabelledFamilies out, String name, String help, OptionalLong khz, SystemCpufreq c) {
    if (khz.isPresent()) {
      out.gauge(name, help, Uint64.toDouble(khz.getAsLong()) * HERTZ_PER_KHZ, "cpu", c.cpu());
    }
  }
}
