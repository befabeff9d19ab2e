package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NvmeController;
import io.vigil.exporter.source.procfs.SysFs;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code nvme} collector (Linux only): one {@code node_nvme_info} per controller in
 * {@code /sys/class/nvme}.
 *
 * <pre>
 * node_nvme_info{device="nvme0",firmware_revision="5B2QGXA7",model="Samsung SSD 980 PRO 1TB",...,state="live"} 1
 * </pre>
 *
 * <p>An attribute a controller lacks gives an empty label value (node_exporter 1.5 fails the whole collector
 * instead). Without {@code /sys/class/nvme} (no NVMe driver) the collector fails ("no data"), as node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class NvmeCollector implements Collector {

  public static final String NAME = "nvme";

  private final SysFs sys;

  public NvmeCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path dir = NvmeController.classDirectory(sys);
    if (!Files.isDirectory(dir)) {
      throw new NoDataException(dir + ": no NVMe controllers (the nvme driver is not loaded)");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (NvmeController c : NvmeController.readAll(sys)) {
      out.gauge("node_nvme_info", "Non-numeric data from /sys/class/nvme/<device>, value is always 1.", 1,
          "device", c.name(),
          "firmware_revision", c.firmwareRevision().orElse(""),
          "model", c.model().orElse(""),
          "serial", c.serial().orElse(""),
          "state", c.state().orElse(""));
    }
    return out.snapshots();
  }
}
