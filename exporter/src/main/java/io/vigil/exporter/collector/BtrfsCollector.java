package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.BtrfsFilesystem;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.util.List;

/**
 * node_exporter's {@code btrfs} collector (Linux only): space allocation of mounted btrfs filesystems from
 * {@code /sys/fs/btrfs/<uuid>/}.
 *
 * <pre>
 * node_btrfs_info{label="data",uuid="7e2b8c1d-..."} 1
 * node_btrfs_used_bytes{block_group_type="data",mode="raid1",uuid="7e2b8c1d-..."} 4.093566255104e+12
 * node_btrfs_device_size_bytes{device="sdb",uuid="7e2b8c1d-..."} 8.001563222016e+12
 * </pre>
 *
 * <p>Without btrfs there is nothing to report and the collector succeeds, as node_exporter's does. node_exporter
 * 1.5 additionally asks mounted filesystems for per-device error counters and unallocated space through btrfs
 * ioctls ({@code node_btrfs_device_errors_total}, {@code node_btrfs_device_unused_bytes}, and a
 * {@code btrfs_dev_uuid} label on {@code node_btrfs_device_size_bytes}); Vigil reads sysfs only and always gives
 * what node_exporter gives when those ioctls fail. A value file the kernel does not provide is not reported
 * (node_exporter reports 0).
 *
 * <p>Thread safety: stateless.
 */
public final class BtrfsCollector implements Collector {

  public static final String NAME = "btrfs";

  private final SysFs sys;

  public BtrfsCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    LabelledFamilies out = new LabelledFamilies();
    for (BtrfsFilesystem fs : BtrfsFilesystem.readAll(sys)) {
      String uuid = fs.uuid();
      out.gauge("node_btrfs_info", "Filesystem information", 1, "uuid", uuid, "label", fs.label());
      fs.globalReserveBytes().ifPresent(v ->
          out.gauge("node_btrfs_global_rsv_size_bytes", "Size of global reserve.", Uint64.toDouble(v), "uuid", uuid));
      for (BtrfsFilesystem.Allocation a : fs.allocations()) {
        a.reservedBytes().ifPresent(v -> out.gauge("node_btrfs_reserved_bytes",
            "Amount of space reserved for a data type", Uint64.toDouble(v),
            "uuid", uuid, "block_group_type", a.type()));
        for (BtrfsFilesystem.Layout l : a.layouts()) {
          String[] labels = {"uuid", uuid, "block_group_type", a.type(), "mode", l.mode()};
          l.usedBytes().ifPresent(v -> out.gauge("node_btrfs_used_bytes",
              "Amount of used space by a layout/data type", Uint64.toDouble(v), labels));
          l.totalBytes().ifPresent(v -> out.gauge("node_btrfs_size_bytes",
              "Amount of space allocated for a layout/data type", Uint64.toDouble(v), labels));
          out.gauge("node_btrfs_allocation_ratio", "Data allocation ratio for a layout/data type", l.ratio(), labels);
        }
      }
      fs.deviceBytes().forEach((device, bytes) -> bytes.ifPresent(v -> out.gauge("node_btrfs_device_size_bytes",
          "Size of a device that is part of the filesystem.", Uint64.toDouble(v), "uuid", uuid, "device", device)));
    }
    return out.snapshots();
  }
}
