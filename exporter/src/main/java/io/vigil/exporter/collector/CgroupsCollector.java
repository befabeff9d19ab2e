package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Cgroups;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.List;

/**
 * node_exporter's {@code cgroups} collector (Linux only, off by default): per controller of {@code /proc/cgroups},
 * the number of cgroups using it and whether it is enabled. Both families carry node_exporter's help text, which for
 * {@code node_cgroups_enabled} repeats the first one's.
 *
 * <pre>
 * node_cgroups_cgroups{subsys_name="memory"} 87
 * node_cgroups_enabled{subsys_name="memory"} 1
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class CgroupsCollector implements Collector {

  public static final String NAME = "cgroups";

  private final ProcFs proc;

  public CgroupsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<Cgroups.Subsystem> subsystems = Cgroups.read(proc).subsystems();
    if (subsystems.isEmpty()) {
      return List.of();
    }
    GaugeSnapshot.Builder cgroups = GaugeSnapshot.builder()
        .name("node_cgroups_cgroups").help("Current cgroup number of the subsystem.");
    GaugeSnapshot.Builder enabled = GaugeSnapshot.builder()
        .name("node_cgroups_enabled").help("Current cgroup number of the subsystem.");
    for (Cgroups.Subsystem s : subsystems) {
      cgroups.dataPoint(Families.gaugePoint(s.cgroups(), "subsys_name", s.name()));
      enabled.dataPoint(Families.gaugePoint(s.enabled(), "subsys_name", s.name()));
    }
    return List.of(cgroups.build(), enabled.build());
  }
}
