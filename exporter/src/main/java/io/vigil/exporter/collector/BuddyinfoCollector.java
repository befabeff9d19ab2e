package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Buddyinfo;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.List;

/**
 * node_exporter's {@code buddyinfo} collector (Linux only, off by default): free blocks per NUMA node, zone and order
 * from {@code /proc/buddyinfo}; {@code size} is the order (a block of order n is 2^n pages).
 *
 * <pre>
 * node_buddyinfo_blocks{node="0",size="0",zone="Normal"} 9873
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class BuddyinfoCollector implements Collector {

  public static final String NAME = "buddyinfo";

  private final ProcFs proc;

  public BuddyinfoCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<Buddyinfo.Zone> zones = Buddyinfo.read(proc).zones();
    if (zones.isEmpty()) {
      return List.of();
    }
    GaugeSnapshot.Builder blocks =
        GaugeSnapshot.builder().name("node_buddyinfo_blocks").help("Count of free blocks according to size.");
    for (Buddyinfo.Zone z : zones) {
      for (int order = 0; order < z.freeBlocks().size(); order++) {
        blocks.dataPoint(Families.gaugePoint(z.freeBlocks().get(order),
            "node", z.node(), "zone", z.zone(), "size", Integer.toString(order)));
      }
    }
    return List.of(blocks.build());
  }
}
