package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.ProcStat.CpuTimes;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.procfs.Cpuinfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * node_exporter's {@code cpu} collector: per-CPU mode times from {@link ProcStat} (any OS), and with
 * {@code --collector.cpu.info} one {@code node_cpu_info} series per CPU from {@code /proc/cpuinfo} (Linux only).
 *
 * <pre>
 * node_cpu_seconds_total{cpu="0",mode="idle"} 464.73
 * node_cpu_guest_seconds_total{cpu="0",mode="user"} 0
 * node_cpu_info{cachesize="1024 KB",core="0",cpu="0",family="25",...} 1
 * </pre>
 *
 * <p>Counters are kept monotonic as node_exporter keeps them: see {@link CpuCounterGuard}.
 *
 * <p>Thread safety: safe for one caller at a time, as the runner calls it (the guard is synchronized).
 */
public final class CpuCollector implements Collector {

  public static final String NAME = "cpu";

  static final String SECONDS = "node_cpu_seconds";
  static final String GUEST_SECONDS = "node_cpu_guest_seconds";
  static final String INFO = "node_cpu_info";

  private static final int MAX_REMEMBERED_CPUS = 8192;

  private final SourceReader<ProcStat> stat;
  private final Optional<SourceReader<Cpuinfo>> cpuinfo;
  private final CpuCounterGuard guard = new CpuCounterGuard();
  /** Label sets by CPU, then mode: built (sorted, validated) once, not for every sample of every scrape. */
  private final Map<String, Map<String, Labels>> labels = new ConcurrentHashMap<>();

  /**
   * @param stat per-CPU times
   * @param cpuinfo present when {@code node_cpu_info} is enabled and {@code /proc/cpuinfo} exists
   */
  public CpuCollector(SourceReader<ProcStat> stat, Optional<SourceReader<Cpuinfo>> cpuinfo) {
    this.stat = stat;
    this.cpuinfo = cpuinfo;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<MetricSnapshot> families = new ArrayList<>();
    if (cpuinfo.isPresent()) {
      families.addAll(info(cpuinfo.get().read()));
    }
    List<CpuTimes> cpus = guard.update(stat.read().cpus());
    CounterSnapshot.Builder seconds =
        CounterSnapshot.builder().name(SECONDS).help("Seconds the CPUs spent in each mode.");
    CounterSnapshot.Builder guest =
        CounterSnapshot.builder().name(GUEST_SECONDS).help("Seconds the CPUs spent in guests (VMs) for each mode.");
    boolean anySeconds = false;
    boolean anyGuest = false;
    for (CpuTimes cpu : cpus) {
      for (Map.Entry<String, Double> mode : cpu.seconds().entrySet()) {
        seconds.dataPoint(point(mode.getValue(), cpu.cpu(), mode.getKey()));
        anySeconds = true;
      }
      for (Map.Entry<String, Double> mode : cpu.guestSeconds().entrySet()) {
        guest.dataPoint(point(mode.getValue(), cpu.cpu(), mode.getKey()));
        anyGuest = true;
      }
    }
    if (anySeconds) {
      families.add(seconds.build());
    }
    if (anyGuest) {
      families.add(guest.build());
    }
    return families;
  }

  private CounterDataPointSnapshot point(double value, String cpu, String mode) {
    if (labels.size() > MAX_REMEMBERED_CPUS) {
      labels.clear(); // never unbounded, whatever CPU numbers a hot-plugging host goes through
    }
    Labels l = labels.computeIfAbsent(cpu, c -> new ConcurrentHashMap<>())
        .computeIfAbsent(mode, m -> Labels.of("cpu", cpu, "mode", m));
    return CounterDataPointSnapshot.builder().labels(l).value(value).build();
  }

  private static List<MetricSnapshot> info(Cpuinfo info) {
    if (info.processors().isEmpty()) {
      return List.of();
    }
    GaugeSnapshot.Builder family =
        GaugeSnapshot.builder().name(INFO).help("CPU information from /proc/cpuinfo.");
    for (Cpuinfo.Processor p : info.processors()) {
      family.dataPoint(
          Families.gaugePoint(
              1,
              "package", p.get("physical id"),
              "core", p.get("core id"),
              "cpu", p.get("processor"),
              "vendor", p.get("vendor_id"),
              "family", p.get("cpu family"),
              "model", p.get("model"),
              "model_name", p.get("model name"),
              "microcode", p.get("microcode"),
              "stepping", p.get("stepping"),
              "cachesize", p.get("cache size")));
    }
    return List.of(family.build());
  }
}
