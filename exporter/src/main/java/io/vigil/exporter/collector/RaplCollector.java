package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.PowercapRaplZone;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code rapl} collector (Linux): Intel/AMD RAPL energy counters from {@code /sys/class/powercap},
 * one counter family per zone name, in joules.
 *
 * <pre>
 * # HELP node_rapl_package_joules_total Current RAPL package value in joules
 * # TYPE node_rapl_package_joules_total counter
 * node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 210412.894567
 * </pre>
 *
 * <p>Without {@code /sys/class/powercap} (virtual machines, non-x86), when a zone lacks {@code max_energy_range_uj},
 * or when {@code energy_uj} is root-only (Linux 5.10+ for non-root), the collector fails with "no data", as
 * node_exporter's does. A malformed counter fails it. node_exporter's {@code --collector.rapl.enable-zone-label}
 * (off by default) is not offered.
 *
 * <p>Thread safety: stateless.
 */
public final class RaplCollector implements Collector {

  public static final String NAME = "rapl";

  private final SysFs sys;

  public RaplCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<PowercapRaplZone> zones;
    Path classDirectory = PowercapRaplZone.classDirectory(sys);
    if (ProcFs.missing(classDirectory)) {
      throw new NoDataException(classDirectory + ": no RAPL powercap zones (NoSuchFileException)");
    }
    try {
      zones = PowercapRaplZone.readAll(sys);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new NoDataException(e.getFile() + ": no RAPL powercap zones (" + e.getClass().getSimpleName() + ")");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (PowercapRaplZone zone : zones) {
      long microjoules;
      try {
        microjoules = zone.energyMicrojoules();
      } catch (AccessDeniedException e) {
        throw new NoDataException(e.getFile() + ": energy counters are readable by root only");
      }
      out.counter("node_rapl_" + sanitize(zone.name()) + "_joules_total",
          "Current RAPL " + zone.name() + " value in joules",
          Uint64.toDouble(microjoules) / 1_000_000.0,
          "index", Integer.toString(zone.index()), "path", zone.directory().toString());
    }
    return out.snapshots();
  }

  /** node_exporter's SanitizeMetricName: anything outside {@code [a-zA-Z0-9_:]} becomes {@code _}. */
  private static String sanitize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
      b.append(ok ? c : '_');
    }
    return b.toString();
  }
}
