package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetIpSocket;
import io.vigil.exporter.source.procfs.ProcFs;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * node_exporter's {@code udp_queues} collector (Linux only): bytes queued in all UDP sockets' send and receive
 * queues, from {@code /proc/net/udp} and {@code udp6}.
 *
 * <pre>
 * # HELP node_udp_queues Number of allocated memory in the kernel for UDP datagrams in bytes.
 * # TYPE node_udp_queues gauge
 * node_udp_queues{ip="v4",queue="rx"} 3584
 * </pre>
 *
 * <p>A missing file (that IP version disabled) contributes nothing; with neither file the collection fails, as
 * node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class UdpQueuesCollector implements Collector {

  public static final String NAME = "udp_queues";

  private final ProcFs proc;

  public UdpQueuesCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Optional<NetIpSocket> v4 = NetIpSocket.read(proc, "udp");
    Optional<NetIpSocket> v6 = NetIpSocket.read(proc, "udp6");
    if (v4.isEmpty() && v6.isEmpty()) {
      throw new IOException("neither " + proc.path("net", "udp") + " nor udp6 exists");
    }
    GaugeSnapshot.Builder queues = GaugeSnapshot.builder()
        .name("node_udp_queues").help("Number of allocated memory in the kernel for UDP datagrams in bytes.");
    v4.ifPresent(s -> add(queues, s, "v4"));
    v6.ifPresent(s -> add(queues, s, "v6"));
    return List.of(queues.build());
  }

  private static void add(GaugeSnapshot.Builder queues, NetIpSocket sockets, String ip) {
    queues.dataPoint(Families.gaugePoint(sockets.txQueueTotal(), "queue", "tx", "ip", ip));
    queues.dataPoint(Families.gaugePoint(sockets.rxQueueTotal(), "queue", "rx", "ip", ip));
  }
}
