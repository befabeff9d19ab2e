package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.EdacMemoryController;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.util.List;

/**
 * node_exporter's {@code edac} collector (Linux): ECC memory error counts per memory controller and csrow from
 * {@code /sys/devices/system/edac/mc}.
 *
 * <pre>
 * node_edac_correctable_errors_total{controller="0"} 7
 * node_edac_csrow_correctable_errors_total{controller="0",csrow="0"} 6
 * node_edac_csrow_correctable_errors_total{controller="0",csrow="unknown"} 1
 * </pre>
 *
 * <p>Errors the driver could not place ({@code *_noinfo_count}) are the {@code csrow="unknown"} series. A host
 * without EDAC (desktops without ECC, virtual machines) succeeds with no families, as node_exporter does; a missing or
 * malformed count file fails the collector, as there.
 *
 * <p>Thread safety: stateless.
 */
public final class EdacCollector implements Collector {

  public static final String NAME = "edac";

  private final SysFs sys;

  public EdacCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    LabelledFamilies out = new LabelledFamilies();
    for (EdacMemoryController mc : EdacMemoryController.readAll(sys)) {
      String c = mc.controller();
      out.counter("node_edac_correctable_errors_total", "Total correctable memory errors.",
          Uint64.toDouble(mc.correctable()), "controller", c);
      out.counter("node_edac_csrow_correctable_errors_total", "Total correctable memory errors for this csrow.",
          Uint64.toDouble(mc.correctableNoInfo()), "controller", c, "csrow", "unknown");
      out.counter("node_edac_uncorrectable_errors_total", "Total uncorrectable memory errors.",
          Uint64.toDouble(mc.uncorrectable()), "controller", c);
      out.counter("node_edac_csrow_uncorrectable_errors_total", "Total uncorrectable memory errors for this csrow.",
          Uint64.toDouble(mc.uncorrectableNoInfo()), "controller", c, "csrow", "unknown");
      for (EdacMemoryController.Csrow row : mc.csrows()) {
        out.counter("node_edac_csrow_correctable_errors_total", "Total correctable memory errors for this csrow.",
            Uint64.toDouble(row.correctable()), "controller", c, "csrow", row.csrow());
        out.counter("node_edac_csrow_uncorrectable_errors_total", "Total uncorrectable memory errors for this csrow.",
            Uint64.toDouble(row.uncorrectable()), "controller", c, "csrow", row.csrow());
      }
    }
    return out.snapshots();
  }
}
