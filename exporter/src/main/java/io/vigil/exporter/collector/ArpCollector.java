package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetArp;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's {@code arp} collector (Linux only): entries of {@code /proc/net/arp} per interface, incomplete ones
 * included.
 *
 * <pre>
 * # HELP node_arp_entries ARP entries by device
 * # TYPE node_arp_entries gauge
 * node_arp_entries{device="eth0"} 3
 * </pre>
 *
 * <p>An empty table gives no family. Thread safety: stateless.
 */
public final class ArpCollector implements Collector {

  public static final String NAME = "arp";

  private final ProcFs proc;

  public ArpCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Map<String, Long> byDevice = NetArp.read(proc).entriesByDevice();
    if (byDevice.isEmpty()) {
      return List.of();
    }
    GaugeSnapshot.Builder entries = GaugeSnapshot.builder().name("node_arp_entries").help("ARP entries by device");
    byDevice.forEach((device, count) -> entries.dataPoint(Families.gaugePoint(count, "device", device)));
    return List.of(entries.build());
  }
}
