package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetIpVs;
import io.vigil.exporter.source.procfs.NetIpVsStats;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's {@code ipvs} collector (Linux): IPVS totals from {@code /proc/net/ip_vs_stats} and per real server
 * connections and weights from {@code /proc/net/ip_vs}.
 *
 * <pre>
 * node_ipvs_connections_total 3.7441012e+07
 * node_ipvs_backend_connections_active{local_address="192.168.0.22",local_mark="",local_port="80",proto="TCP",
 *     remote_address="192.168.2.23",remote_port="80"} 248
 * </pre>
 *
 * <p>Backends with the same labels are summed, as in node_exporter. Without the {@code ip_vs} module
 * ({@code ip_vs_stats} absent) the collector fails with "no data"; a malformed file fails it. node_exporter's
 * {@code --collector.ipvs.backend-labels} is not offered: the backend families always carry all six labels, its
 * default.
 *
 * <p>Thread safety: stateless.
 */
public final class IpvsCollector implements Collector {

  public static final String NAME = "ipvs";

  private final ProcFs proc;

  public IpvsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path statsPath = proc.path("net", "ip_vs_stats");
    if (ProcFs.missing(statsPath)) {
      throw new NoDataException(statsPath + ": IPVS is not available (the ip_vs module is not loaded)");
    }
    NetIpVsStats stats;
    try {
      stats = NetIpVsStats.parse(statsPath, ProcFs.readText(statsPath));
    } catch (NoSuchFileException e) {
      throw new NoDataException(statsPath + ": IPVS is not available (the ip_vs module is not loaded)");
    }
    Path backendsPath = proc.path("net", "ip_vs");
    NetIpVs services = NetIpVs.parse(backendsPath, ProcFs.readText(backendsPath));

    List<MetricSnapshot> out = new ArrayList<>();
    out.add(Families.counter("node_ipvs_connections", "The total number of connections made.",
        Uint64.toDouble(stats.connections())));
    out.add(Families.counter("node_ipvs_incoming_packets", "The total number of incoming packets.",
        Uint64.toDouble(stats.incomingPackets())));
    out.add(Families.counter("node_ipvs_outgoing_packets", "The total number of outgoing packets.",
        Uint64.toDouble(stats.outgoingPackets())));
    out.add(Families.counter("node_ipvs_incoming_bytes", "The total amount of incoming data.",
        Uint64.toDouble(stats.incomingBytes())));
    out.add(Families.counter("node_ipvs_outgoing_bytes", "The total amount of outgoing data.",
        Uint64.toDouble(stats.outgoingBytes())));

    // sum backends that share all label values, as node_exporter does
    Map<List<String>, double[]> sums = new LinkedHashMap<>();
    for (NetIpVs.Backend b : services.backends()) {
      List<String> labels = List.of(
          "local_address", b.localAddress(), "local_port", Integer.toString(b.localPort()),
          "remote_address", b.remoteAddress(), "remote_port", Integer.toString(b.remotePort()),
          "proto", b.proto(), "local_mark", b.localMark());
      double[] sum = sums.computeIfAbsent(labels, k -> new double[3]);
      sum[0] += Uint64.toDouble(b.activeConnections());
      sum[1] += Uint64.toDouble(b.inactiveConnections());
      sum[2] += Uint64.toDouble(b.weight());
    }
    LabelledFamilies backends = new LabelledFamilies();
    sums.forEach((labels, sum) -> {
      String[] l = labels.toArray(String[]::new);
      backends.gauge("node_ipvs_backend_connections_active",
          "The current active connections by local and remote address.", sum[0], l);
      backends.gauge("node_ipvs_backend_connections_inactive",
          "The current inactive connections by local and remote address.", sum[1], l);
      backends.gauge("node_ipvs_backend_weight", "The current backend weight by local and remote address.", sum[2], l);
    });
    out.addAll(backends.snapshots());
    return out;
  }
}
